package org.mmsstack.encapsulation.robustness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import org.mmsstack.encapsulation.DecodeConfig;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.Header;
import org.mmsstack.encapsulation.HeaderField;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.body.Body;
import org.mmsstack.encapsulation.body.MultipartBody;
import org.mmsstack.encapsulation.body.Part;
import org.mmsstack.encapsulation.body.PartHeader;
import org.mmsstack.encapsulation.validate.Validator;
import org.mmsstack.encapsulation.value.RawValue;

/**
 * Runs everything a caller can do with untrusted octets: decode strictly and leniently, look at
 * every header value, content type, part header and part text (nested multiparts included),
 * encode again (as decoded and canonically rebuilt), and validate. Only {@link
 * PduFormatException} may leave {@code decode}; nothing may leave the rest. The input must not
 * change.
 */
final class Exercise {

  static final DecodeConfig STRICT = DecodeConfig.STRICT;
  static final DecodeConfig LENIENT = DecodeConfig.LENIENT;
  private static final Validator VALIDATOR = new Validator();

  private Exercise() {}

  /** The whole round; returns how many of the two decodes succeeded. */
  static int all(byte[] input) {
    byte[] copy = input.clone();
    int decoded = 0;
    for (DecodeConfig cfg : new DecodeConfig[] {STRICT, LENIENT}) {
      Pdu pdu;
      try {
        pdu = PduCodec.decode(input, cfg);
      } catch (PduFormatException e) {
        checkException(e, input.length);
        continue;
      }
      decoded++;
      materialise(pdu);
      assertArrayEquals(input, PduCodec.encode(pdu), "a decoded PDU re-encodes to its input");
      Pdu rebuilt = canonical(pdu);
      materialise(rebuilt);
      PduCodec.encode(rebuilt);
      VALIDATOR.validate(pdu);
    }
    List<Finding> findings = VALIDATOR.validate(input);
    assertNotNull(findings);
    assertArrayEquals(copy, input, "the input was changed");
    return decoded;
  }

  static void checkException(PduFormatException e, int inputLength) {
    assertNotNull(e.reason());
    assertTrue(
        e.offset() >= -1 && e.offset() <= inputLength,
        () -> "offset " + e.offset() + " of " + inputLength);
    assertNotNull(e.getMessage());
  }

  /** Looks at every value the PDU exposes. */
  static void materialise(Pdu pdu) {
    for (Header h : pdu.headers()) {
      h.field();
      h.name();
      h.value();
      h.isWellFormed();
      h.offset();
      h.originalEncoding();
      assertNotNull(h.toString());
    }
    callAccessors(pdu);
    pdu.findings().forEach(x -> assertNotNull(x.toString()));
    pdu.trailingOctets();
    assertNotNull(pdu.toString());
    assertEquals(pdu.hashCode(), pdu.hashCode());
    assertTrue(pdu.equals(pdu));
    pdu.body().ifPresent(b -> materialise(b, 0));
  }

  private static void materialise(Body body, int depth) {
    if (!(body instanceof MultipartBody)) {
      assertNotNull(body.toString());
      return;
    }
    MultipartBody mb = (MultipartBody) body;
    mb.findings().forEach(x -> assertNotNull(x.toString()));
    for (Part p : mb.parts()) {
      assertNotNull(p.contentType().toString());
      p.contentType().charset();
      p.contentType().name();
      for (PartHeader h : p.headers()) {
        assertNotNull(h.toString());
      }
      p.contentId();
      p.contentLocation();
      p.contentDisposition();
      p.name();
      p.text();
      p.size();
      assertNotNull(p.toString());
      if (p.isMultipart()) {
        try {
          materialise(p.asMultipart(LENIENT), depth + 1);
        } catch (PduFormatException e) {
          checkException(e, Integer.MAX_VALUE);
        }
      }
    }
  }

  /** Calls every public no-argument accessor of the PDU's own class (the typed accessors). */
  private static void callAccessors(Pdu pdu) {
    for (Method m : pdu.getClass().getDeclaredMethods()) {
      if (!Modifier.isPublic(m.getModifiers())
          || Modifier.isStatic(m.getModifiers())
          || m.getParameterCount() != 0
          || m.getName().equals("toBuilder")) {
        continue;
      }
      try {
        Object v = m.invoke(pdu);
        assertNotNull(String.valueOf(v));
      } catch (IllegalAccessException e) {
        throw new AssertionError(e);
      } catch (InvocationTargetException e) {
        Throwable t = e.getCause();
        if (t instanceof RuntimeException) {
          throw (RuntimeException) t;
        }
        throw new AssertionError(t);
      }
    }
  }

  /** The same PDU with every header rebuilt from its typed value (so encoded canonically). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Pdu canonical(Pdu pdu) {
    Pdu.Builder<?, ?> b = pdu.toBuilder();
    for (Header h : pdu.headers()) {
      if (h.field().code() != HeaderField.MESSAGE_TYPE.code()) {
        b.remove(h.field());
      }
    }
    for (Header h : pdu.headers()) {
      if (h.field().code() == HeaderField.MESSAGE_TYPE.code()) {
        continue;
      }
      Object v = h.value();
      if (v instanceof RawValue) {
        b.add(Header.ofRaw(h.field(), (RawValue) v));
      } else {
        b.add((HeaderField) h.field(), v);
      }
    }
    return b.build();
  }
}
