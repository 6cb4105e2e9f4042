package org.mmsstack.encapsulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.MessageClass;
import org.mmsstack.encapsulation.value.Priority;
import org.mmsstack.encapsulation.value.TimeValue;

/**
 * A {@link HeaderCursor} walks exactly what {@link Pdu#headers()} lists: the same fields, values,
 * offsets, lengths and well-formedness, in the same order, for every corpus PDU (the malformed
 * ones that decode leniently included) and for built PDUs; numbers read without boxing equal
 * the boxed values.
 */
class HeaderCursorTest {

  @Test
  void agreesWithTheListedHeadersOverTheCorpus() throws Exception {
    List<Path> files = new ArrayList<>(Corpus.files("pdus"));
    files.addAll(Corpus.files("malformed"));
    int pdus = 0;
    int numeric = 0;
    int malformed = 0;
    for (Path file : files) {
      byte[] bytes = Corpus.read(file);
      Pdu walked;
      Pdu listed;
      try {
        walked = PduCodec.decode(bytes, DecodeConfig.LENIENT);
        listed = PduCodec.decode(bytes, DecodeConfig.LENIENT);
      } catch (PduFormatException e) {
        continue;
      }
      pdus++;
      List<Header> headers = listed.headers();
      HeaderCursor c = walked.headerCursor();
      for (int i = 0; i < headers.size(); i++) {
        String at = Corpus.name(file) + " header " + i;
        assertTrue(c.next(), at);
        Header h = headers.get(i);
        assertEquals(h.field(), c.field(), at);
        assertEquals(h.name(), c.name(), at);
        assertEquals(h.value(), c.value(), at);
        assertEquals(h.offset(), c.offset(), at);
        assertEquals(h.originalLength(), c.length(), at);
        assertEquals(h.isWellFormed(), c.isWellFormed(), at);
        assertEquals(h, c.header(), at);
        if (!h.isWellFormed()) {
          malformed++;
        }
        Object v = h.value();
        boolean isNumber = h.isWellFormed() && (v instanceof Long || v instanceof Instant);
        assertEquals(isNumber, c.isNumeric(), at);
        if (isNumber) {
          numeric++;
          long expected = v instanceof Long l ? l : ((Instant) v).getEpochSecond();
          assertEquals(expected, c.longValue(), at);
        } else {
          assertThrows(IllegalStateException.class, c::longValue, at);
        }
      }
      assertFalse(c.next(), Corpus.name(file));
      assertFalse(c.next(), Corpus.name(file));
      // Once the headers are listed, a cursor walks the list and answers the same.
      HeaderCursor again = listed.headerCursor();
      for (Header h : headers) {
        assertTrue(again.next());
        assertSame(h, again.header());
        assertEquals(h.value(), again.value());
      }
      assertFalse(again.next());
    }
    assertTrue(pdus > 80, "corpus PDUs walked: " + pdus);
    assertTrue(numeric > 50, "numeric values read: " + numeric);
    assertTrue(malformed > 0, "malformed values walked: " + malformed);
  }

  @Test
  void walksABuiltPdu() {
    Instant date = Instant.ofEpochSecond(1_700_000_000L);
    NotificationInd req =
        NotificationInd.builder()
            .transactionId("T1")
            .set(HeaderField.FROM, FromValue.of(Address.plmn("+4917612345678")))
            .set(HeaderField.DATE, date)
            .set(HeaderField.PRIORITY, Priority.HIGH)
            .set(HeaderField.MESSAGE_CLASS, MessageClass.PERSONAL)
            .set(HeaderField.MESSAGE_SIZE, 1234L)
            .set(HeaderField.EXPIRY, new TimeValue(true, 3600))
            .set(HeaderField.CONTENT_LOCATION, "http://x/y")
            .applicationHeader("X-Extra", "yes")
            .build();
    List<Header> headers = req.headers();
    HeaderCursor c = req.headerCursor();
    for (Header h : headers) {
      assertTrue(c.next());
      assertSame(h, c.header());
      assertEquals(h.field(), c.field());
      assertEquals(h.value(), c.value());
      assertEquals(-1, c.offset());
      assertEquals(-1, c.length());
      assertTrue(c.isWellFormed());
      if (h.field().equals(HeaderField.DATE)) {
        assertTrue(c.isNumeric());
        assertEquals(1_700_000_000L, c.longValue());
      } else if (h.field().equals(HeaderField.MESSAGE_SIZE)) {
        assertTrue(c.isNumeric());
        assertEquals(1234L, c.longValue());
      } else {
        assertFalse(c.isNumeric(), h.name());
      }
    }
    assertFalse(c.next());
  }

  @Test
  void aDecodedNumberIsReadWithoutItsObject() throws Exception {
    // m-notification-ind: Message-Size 0x0102 as a two-octet Long-integer, Expiry relative.
    byte[] pdu =
        PduCodec.encode(
            NotificationInd.builder()
                .transactionId("t")
                .set(HeaderField.MESSAGE_SIZE, 0x0102L)
                .set(HeaderField.DATE, Instant.ofEpochSecond(0x010203L))
                .set(HeaderField.CONTENT_LOCATION, "http://x/y")
                .set(HeaderField.MESSAGE_CLASS, MessageClass.PERSONAL)
                .set(HeaderField.EXPIRY, new TimeValue(true, 3600))
                .build());
    HeaderCursor c = PduCodec.decode(pdu).headerCursor();
    int seen = 0;
    while (c.next()) {
      if (c.field().equals(HeaderField.MESSAGE_SIZE)) {
        assertTrue(c.isNumeric());
        assertEquals(0x0102L, c.longValue());
        assertEquals(0x0102L, c.value());
        seen++;
      } else if (c.field().equals(HeaderField.DATE)) {
        assertTrue(c.isNumeric());
        assertEquals(0x010203L, c.longValue());
        seen++;
      } else {
        assertFalse(c.isNumeric(), c.name());
      }
    }
    assertEquals(2, seen);

    // Forms the plain path leaves to the full reader: Message-Size as a Short-integer (accepted
    // with a finding), a Date of seven octets.
    byte[] odd = {
      (byte) 0x8C,
      (byte) 0x85,
      (byte) 0x98,
      't',
      0,
      (byte) 0x8D,
      (byte) 0x92,
      (byte) 0x8E,
      (byte) 0x85,
      (byte) 0x85,
      0x07,
      0,
      0,
      0,
      0,
      0,
      0,
      1
    };
    Pdu decoded = PduCodec.decode(odd, DecodeConfig.LENIENT);
    c = decoded.headerCursor();
    List<Long> numbers = new ArrayList<>();
    while (c.next()) {
      if (c.isNumeric()) {
        numbers.add(c.longValue());
      }
    }
    assertEquals(List.of(5L, 1L), numbers);
  }

  @Test
  void withoutACurrentHeaderEveryAccessorSaysSo() throws Exception {
    Pdu pdu =
        PduCodec.decode(
            PduCodec.encode(
                NotificationInd.builder()
                    .transactionId("a")
                    .set(HeaderField.MESSAGE_CLASS, MessageClass.PERSONAL)
                    .set(HeaderField.MESSAGE_SIZE, 1L)
                    .set(HeaderField.EXPIRY, new TimeValue(true, 1))
                    .set(HeaderField.CONTENT_LOCATION, "http://x/y")
                    .build()));
    HeaderCursor c = pdu.headerCursor();
    IllegalStateException e = assertThrows(IllegalStateException.class, c::field);
    assertTrue(e.getMessage().contains("next()"), e.getMessage());
    assertThrows(IllegalStateException.class, c::value);
    assertThrows(IllegalStateException.class, c::isNumeric);
    assertThrows(IllegalStateException.class, c::offset);
    while (c.next()) {
      c.value();
    }
    assertThrows(IllegalStateException.class, c::name);
    assertThrows(IllegalStateException.class, c::length);
    assertThrows(IllegalStateException.class, c::header);
    assertThrows(IllegalStateException.class, c::isWellFormed);
  }

  @Test
  void aSmallPduDecodedInsideALargerArrayKeepsItsOffsets() throws PduFormatException {
    // A 9-octet m-send-conf (Message-Type, Transaction-Id "1", MMS-Version, Response-Status)
    // five octets into the array: its table is packed, relative to where the PDU starts.
    byte[] pdu = java.util.HexFormat.of().parseHex("8c819831008d9192e0");
    byte[] src = new byte[pdu.length + 8];
    System.arraycopy(pdu, 0, src, 5, pdu.length);
    Pdu inside = PduCodec.decode(src, 5, pdu.length, DecodeConfig.LENIENT);
    Pdu alone = PduCodec.decode(pdu);
    int[] offsets = {0, 2, 5, 7};
    int[] lengths = {2, 3, 2, 2};
    HeaderCursor c = inside.headerCursor();
    for (int i = 0; i < offsets.length; i++) {
      assertTrue(c.next());
      assertEquals(offsets[i], c.offset(), "header " + i);
      assertEquals(lengths[i], c.length(), "header " + i);
      assertEquals(alone.headers().get(i), c.header(), "header " + i);
      assertEquals(offsets[i], inside.headers().get(i).offset(), "header " + i);
    }
    assertFalse(c.next());
    assertEquals(alone.get(HeaderField.TRANSACTION_ID), inside.get(HeaderField.TRANSACTION_ID));
    assertEquals("1", inside.get(HeaderField.TRANSACTION_ID).orElseThrow());
    assertEquals(
        java.util.Arrays.toString(pdu), java.util.Arrays.toString(PduCodec.encode(inside)));
  }
}
