package org.mmsstack.routing;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.mm4.Mm4Codec;
import org.mmsstack.mm4.Mm4FormatException;
import org.mmsstack.mm4.Mm4Message;

/**
 * Fuzzes the field parser: arbitrary routing header pairs must give fields or a
 * RoutingFieldException, never an unchecked exception; accepted fields must re-render to
 * something that parses to the same fields. Without JAZZER_FUZZ=1 this runs as a regression
 * test over the inputs in src/test/resources (none yet) and an empty input.
 */
class RoutingHeadersFuzzTest {

  private static final String[] NAMES = {
    RoutingHeaders.VERSION,
    RoutingHeaders.ENTRY,
    RoutingHeaders.HOME,
    RoutingHeaders.PATH,
    RoutingHeaders.HOP_LIMIT,
    RoutingHeaders.TABLE_VERSION,
    RoutingHeaders.CHARGING,
    RoutingHeaders.RECIPIENT,
    RoutingHeaders.ISSUED,
    RoutingHeaders.SIGNATURE,
    "X-Mms-Routing-Zz",
    "Subject"
  };

  @FuzzTest(maxDuration = "10s")
  void parseHeaderPairs(FuzzedDataProvider data) throws Exception {
    List<HeaderPair> h = new ArrayList<>();
    if (data.consumeBoolean()) {
      h.addAll(RoutingHeaders.write(Fixtures.fields()));
    }
    int n = data.consumeInt(0, 16);
    for (int i = 0; i < n; i++) {
      String name = NAMES[data.consumeInt(0, NAMES.length - 1)];
      String value = data.consumeString(200);
      if (data.consumeBoolean() && !h.isEmpty()) {
        h.set(data.consumeInt(0, h.size() - 1), new HeaderPair(name, value));
      } else {
        h.add(new HeaderPair(name, value));
      }
    }
    RoutingFields f;
    try {
      f = RoutingHeaders.read(h).orElse(null);
    } catch (RoutingFieldException e) {
      return;
    }
    if (f != null && !f.equals(RoutingHeaders.read(RoutingHeaders.write(f)).orElseThrow())) {
      throw new AssertionError("re-rendered fields differ: " + f);
    }
  }

  @FuzzTest(maxDuration = "10s")
  void readFromArbitraryPdus(byte[] bytes) throws Exception {
    Pdu pdu;
    try {
      pdu = PduCodec.decode(bytes);
    } catch (PduFormatException e) {
      return;
    }
    try {
      RoutingPdus.read(pdu);
    } catch (RoutingFieldException e) {
      // expected for garbage
    }
    Pdu stripped = RoutingPdus.strip(pdu);
    if (RoutingPdus.hasRoutingHeaders(stripped)) {
      throw new AssertionError("routing headers left after strip: " + stripped);
    }
    for (BorderFilter.Direction d : BorderFilter.Direction.values()) {
      BorderFilter.Outcome<Pdu> out = BorderFilter.DEFAULT.filter(pdu, d);
      if (out.action() == BorderFilter.Action.STRIPPED
          && RoutingPdus.hasRoutingHeaders(out.message())) {
        throw new AssertionError("the border passed routing headers on: " + out);
      }
    }
  }

  @FuzzTest(maxDuration = "10s")
  void stripAndAttachOnArbitraryMails(byte[] bytes) throws Exception {
    Mm4Message m;
    try {
      m = Mm4Codec.decode(bytes);
    } catch (Mm4FormatException e) {
      return;
    }
    try {
      RoutingHeaders.read(m.headers());
    } catch (RoutingFieldException e) {
      // expected for garbage
    }
    Mm4Message stripped = RoutingMm4.strip(m);
    if (RoutingMm4.hasRoutingHeaders(stripped)) {
      throw new AssertionError("routing headers left after strip: " + stripped.headers());
    }
    for (BorderFilter.Direction d : BorderFilter.Direction.values()) {
      BorderFilter.Outcome<Mm4Message> out = BorderFilter.DEFAULT.filter(m, d);
      if (out.action() == BorderFilter.Action.STRIPPED
          && RoutingMm4.hasRoutingHeaders(out.message())) {
        throw new AssertionError("the border passed routing headers on: " + out);
      }
    }
    RoutingFields f = Fixtures.fields();
    Mm4Message routed = RoutingMm4.attach(m, f);
    if (!RoutingHeaders.read(routed.headers()).orElseThrow().equals(f)) {
      throw new AssertionError("attached fields do not read back: " + routed.headers());
    }
  }

  @FuzzTest(maxDuration = "10s")
  void parseMessageIds(FuzzedDataProvider data) {
    MessageIds ids = MessageIds.withKeys(new byte[16]);
    try {
      ids.parseHome(data.consumeRemainingAsString());
    } catch (RoutingFieldException e) {
      // forged: fine
    }
  }
}
