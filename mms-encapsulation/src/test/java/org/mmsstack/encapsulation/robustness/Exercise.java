package org.mmsstack.encapsulation.robustness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.mmsstack.encapsulation.DecodeConfig;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.Header;
import org.mmsstack.encapsulation.HeaderCursor;
import org.mmsstack.encapsulation.HeaderField;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.PduLayout;
import org.mmsstack.encapsulation.body.Body;
import org.mmsstack.encapsulation.body.MultipartBody;
import org.mmsstack.encapsulation.body.Part;
import org.mmsstack.encapsulation.body.PartCursor;
import org.mmsstack.encapsulation.body.PartHeader;
import org.mmsstack.encapsulation.validate.PduValidator;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.Parameter;
import org.mmsstack.encapsulation.value.RawValue;

/**
 * Runs everything a caller can do with untrusted octets: decode strictly and leniently, look at
 * every header value, content type, part header and part text (nested multiparts included),
 * encode again (as decoded and canonically rebuilt), and validate. Only {@link
 * PduFormatException} may leave {@code decode}; nothing may leave the rest. The input must not
 * change. The fast paths that read a decoded PDU without listing it (the header cursor, the
 * typed accessors, the part cursor) must answer what the listed headers and parts say.
 */
final class Exercise {

  static final DecodeConfig STRICT = DecodeConfig.STRICT;
  static final DecodeConfig LENIENT = DecodeConfig.LENIENT;

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
      agreeUnlisted(input, cfg, pdu);
      assertArrayEquals(input, PduCodec.encode(pdu), "a decoded PDU re-encodes to its input");
      Pdu rebuilt = canonical(pdu);
      materialise(rebuilt);
      byte[] again = PduCodec.encode(rebuilt);
      if (pdu.headers().stream().allMatch(Header::isWellFormed)) {
        // What the builders accept, they write so that it reads back as the same values. (A
        // malformed value that lenient decoding recovered may have been read by what followed
        // it, which a rebuild changes: such PDUs are only encoded.)
        Pdu back;
        try {
          back = PduCodec.decode(again, cfg);
        } catch (PduFormatException e) {
          throw new AssertionError("the canonical rebuild does not decode: " + e.getMessage(), e);
        }
        assertEquals(rebuilt, back, "the canonical rebuild decodes to other values");
      }
      PduValidator.validate(pdu).findings();
    }
    List<Finding> findings = PduValidator.validate(input).findings();
    assertNotNull(findings);
    // The same octets as a Content-type-value on its own (as a WSP push opens its headers), over
    // the extent the first-octet rule gives it.
    int ctEnd = input.length == 0 ? -1 : PduLayout.valueEnd(input, 0, input.length);
    if (ctEnd > 0) {
      try {
        ContentType ct = PduCodec.decodeContentType(input, 0, ctEnd, LENIENT);
        assertNotNull(ct.toString());
        for (Parameter p : ct.parameters()) {
          assertNotNull(p.toString());
        }
      } catch (PduFormatException e) {
        checkException(e, ctEnd);
      }
    }
    // And as a run of part headers (a multipart entry's, a WSP push's after its Content-Type):
    // headers or a PduFormatException with an offset inside the input, nothing else.
    try {
      for (PartHeader h : PartHeader.decodeAll(input, 0, input.length, LENIENT)) {
        assertNotNull(h.toString());
      }
    } catch (PduFormatException e) {
      checkException(e, input.length);
    }
    assertArrayEquals(copy, input, "the input was changed");
    return decoded;
  }

  /**
   * Decodes {@code input} again and reads the copies before anything lists their headers or
   * parts: the header cursor and the typed accessors then read straight from the decoder's table
   * (packed in a {@code long} for a small PDU), and the part cursor from the body's octets. Each
   * must agree with {@code listed}, whose headers and parts have been listed.
   */
  static void agreeUnlisted(byte[] input, DecodeConfig cfg, Pdu listed) {
    Pdu walked;
    Pdu typed;
    try {
      walked = PduCodec.decode(input, cfg);
      typed = PduCodec.decode(input, cfg);
    } catch (PduFormatException e) {
      throw new AssertionError("the same input decoded once and then failed", e);
    }
    HeaderCursor c = walked.headerCursor();
    for (Header h : listed.headers()) {
      assertTrue(c.next(), "the cursor ends early");
      String at = h.name() + " at " + h.offset();
      assertEquals(h.field(), c.field(), at);
      assertEquals(h.value(), c.value(), at);
      assertEquals(h.offset(), c.offset(), at);
      assertEquals(h.originalLength(), c.length(), at);
      assertEquals(h.isWellFormed(), c.isWellFormed(), at);
      Object v = h.value();
      boolean number = h.isWellFormed() && (v instanceof Long || v instanceof Instant);
      assertEquals(number, c.isNumeric(), at);
      if (number) {
        long expected = v instanceof Long l ? l : ((Instant) v).getEpochSecond();
        assertEquals(expected, c.longValue(), at);
      }
    }
    assertFalse(c.next(), "the cursor walks past the listed headers");
    Map<String, Object> direct = accessorValues(typed);
    Map<String, Object> viaList = accessorValues(listed);
    for (Map.Entry<String, Object> e : viaList.entrySet()) {
      assertTrue(
          Objects.deepEquals(e.getValue(), direct.get(e.getKey())),
          () -> e.getKey() + "(): " + direct.get(e.getKey()) + " read directly, " + e.getValue());
    }
    if (walked.body().orElse(null) instanceof MultipartBody mb
        && listed.body().orElse(null) instanceof MultipartBody lb) {
      agreeParts(mb, lb, 0);
    }
  }

  private static void agreeParts(MultipartBody walked, MultipartBody listed, int depth) {
    PartCursor c = walked.partCursor();
    for (Part p : listed.parts()) {
      assertTrue(c.next(), "the part cursor ends early");
      assertEquals(p.contentType(), c.contentType());
      for (PartHeader h : p.headers()) {
        assertTrue(c.nextHeader(), "the part cursor's headers end early");
        assertEquals(h.value(), c.headerValue());
      }
      assertFalse(c.nextHeader());
      assertEquals(p.data(), c.data());
      assertEquals(p.isMultipart(), c.isMultipart());
      if (p.isMultipart() && depth < 4) {
        MultipartBody inner;
        MultipartBody innerListed;
        try {
          inner = c.asMultipart(LENIENT);
          innerListed = p.asMultipart(LENIENT);
        } catch (PduFormatException e) {
          continue; // materialise checked the exception
        }
        agreeParts(inner, innerListed, depth + 1);
      }
    }
    assertFalse(c.next(), "the part cursor walks past the listed parts");
  }

  /** Every typed accessor's answer, by name (see {@link #callAccessors}). */
  private static Map<String, Object> accessorValues(Pdu pdu) {
    Map<String, Object> out = new TreeMap<>();
    for (Method m : pdu.getClass().getDeclaredMethods()) {
      if (isAccessor(m)) {
        out.put(m.getName(), invoke(m, pdu));
      }
    }
    return out;
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

  /** The part as the only entry of a multipart body, encoded. */
  private static byte[] entry(Part p) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      MultipartBody.of(p).writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
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
      p.dataSize();
      assertNotNull(p.toString());
      // Rebuilt unchanged, a part keeps its octets (a multipart's body as it came, however it
      // decodes): never refused, never changed.
      Part same = p.toBuilder().build();
      assertEquals(p, same);
      assertArrayEquals(entry(p), entry(same));
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
      if (isAccessor(m)) {
        assertNotNull(String.valueOf(invoke(m, pdu)));
      }
    }
  }

  private static boolean isAccessor(Method m) {
    return Modifier.isPublic(m.getModifiers())
        && !Modifier.isStatic(m.getModifiers())
        && m.getParameterCount() == 0
        && !m.getName().equals("toBuilder");
  }

  private static Object invoke(Method m, Pdu pdu) {
    try {
      return m.invoke(pdu);
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

  /**
   * The same PDU with every header rebuilt from its typed value (so encoded canonically), but for
   * the values the builders refuse (lenient decoding keeps values the encoder could not write
   * back canonically): those headers are kept as decoded, with their octets.
   */
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
      try {
        b.add(
            v instanceof RawValue
                ? Header.ofRaw(h.field(), (RawValue) v)
                : Header.of((HeaderField) h.field(), v));
      } catch (IllegalArgumentException refused) {
        b.add(h);
      }
    }
    return b.build();
  }
}
