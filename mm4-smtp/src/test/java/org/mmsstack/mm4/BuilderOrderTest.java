package org.mmsstack.mm4;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mmsstack.mm4.internal.mime.NameTable;
import org.mmsstack.mm4.mime.Mm4Header;
import org.mmsstack.mm4.value.Mm4Address;

/**
 * A fresh builder's fields, after any sequence of set, add and remove calls, come out as a list
 * model of those calls says: each set replaces the first field of its name in place and drops the
 * later ones, then the fields are ordered by rank, keeping the order of calls within a rank.
 */
class BuilderOrderTest {

  private static final String[] NAMES = {
    "Subject",
    "subject",
    "To",
    "Cc",
    "X-Mms-Priority",
    "x-mms-priority",
    "X-Private",
    "x-private",
    "X-Other",
    "Content-Description",
    "Content-Disposition",
    "Content-Language",
    "X-Mms-Ack-Request",
    "Date",
    "Received",
  };

  @Test
  void fieldsComeOutInRankThenCallOrder() {
    SplittableRandom r = new SplittableRandom(5);
    for (int round = 0; round < 3_000; round++) {
      Mm4ForwardReq.Builder b = Mm4ForwardReq.builder();
      List<String[]> model = new ArrayList<>();
      model.add(new String[] {Mm4HeaderNames.MESSAGE_TYPE, "MM4_forward.REQ"});
      int steps = r.nextInt(0, 16);
      for (int s = 0; s < steps; s++) {
        String name = NAMES[r.nextInt(NAMES.length)];
        String value = "v" + s;
        switch (r.nextInt(4)) {
          case 0 -> {
            b.addHeader(name, value);
            model.add(new String[] {name, value});
          }
          case 1 -> {
            b.removeHeader(name);
            model.removeIf(f -> f[0].equalsIgnoreCase(name));
          }
          default -> {
            b.header(name, value);
            set(model, name, value);
          }
        }
      }
      b.mmsVersion(Mm4Version.V6_8_0).transactionId("t").messageId("m");
      set(model, Mm4HeaderNames.MMS_VERSION, Mm4Version.V6_8_0.toString());
      set(model, Mm4HeaderNames.TRANSACTION_ID, "t");
      set(model, Mm4HeaderNames.MESSAGE_ID, "m");
      b.from(Mm4Address.plmn("+491")).to(Mm4Address.plmn("+492"));
      set(model, Mm4HeaderNames.FROM, "+491/TYPE=PLMN");
      set(model, Mm4HeaderNames.TO, "+492/TYPE=PLMN");
      if (!model.stream().anyMatch(f -> f[0].equalsIgnoreCase("Date"))) {
        b.header("Date", "Fri, 1 Mar 2024 12:30:45 +0000");
        set(model, "Date", "Fri, 1 Mar 2024 12:30:45 +0000");
      }
      b.rfc822MessageId("x@y").originatorSystem(Mm4Address.parse("s@example.org"));
      set(model, Mm4HeaderNames.RFC822_MESSAGE_ID, "<x@y>");
      set(model, Mm4HeaderNames.ORIGINATOR_SYSTEM, "s@example.org");
      if (!model.stream().anyMatch(f -> f[0].equalsIgnoreCase(Mm4HeaderNames.CONTENT_TYPE))) {
        b.header(Mm4HeaderNames.CONTENT_TYPE, "text/plain");
        set(model, Mm4HeaderNames.CONTENT_TYPE, "text/plain");
      }
      b.header(Mm4HeaderNames.MIME_VERSION, "1.0");
      set(model, Mm4HeaderNames.MIME_VERSION, "1.0");
      List<String[]> expected = new ArrayList<>(model);
      expected.sort(
          Comparator.comparingInt(f -> NameTable.rank(f[0], NameTable.idIgnoreCase(f[0]))));
      List<String> want = new ArrayList<>();
      for (String[] f : expected) {
        want.add(f[0] + ": " + f[1]);
      }
      List<String> got = new ArrayList<>();
      for (Mm4Header h : b.build().headers()) {
        got.add(h.name() + ": " + h.value());
      }
      assertEquals(want, got);
    }
  }

  private static void set(List<String[]> model, String name, String value) {
    int first = -1;
    for (int i = 0; i < model.size(); i++) {
      if (model.get(i)[0].equalsIgnoreCase(name)) {
        if (first < 0) {
          first = i;
          model.set(i, new String[] {name, value});
        } else {
          model.remove(i--);
        }
      }
    }
    if (first < 0) {
      model.add(new String[] {name, value});
    }
  }
}
