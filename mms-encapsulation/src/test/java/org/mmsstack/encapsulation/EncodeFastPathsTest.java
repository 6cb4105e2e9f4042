package org.mmsstack.encapsulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.body.SinglePartBody;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.CharacterSet;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.EncodedString;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.MediaType;

/** The building and encoding shortcuts give what the plain ways gave. */
class EncodeFastPathsTest {

  private static final ContentType TEXT = ContentType.of(MediaType.TEXT_PLAIN);

  /** EncodedString.of encodes once; the form chosen is the one ASCII-ness decides. */
  @Test
  void encodedStringOfChoosesThePlainFormExactlyForAsciiText() {
    for (String ascii : List.of("", "a", "How are you?", "?", "+4917612345678/TYPE=PLMN")) {
      EncodedString e = EncodedString.of(ascii);
      assertEquals(Optional.empty(), e.charset(), ascii);
      assertArrayEquals(ascii.getBytes(StandardCharsets.US_ASCII), e.octets(), ascii);
    }
    // A lone surrogate becomes '?' in UTF-8 (one octet for one char) but is not ASCII.
    for (String other : List.of("Grüße", "\uD800", "a\uDC00?", "日本")) {
      EncodedString e = EncodedString.of(other);
      assertEquals(Optional.of(CharacterSet.UTF_8), e.charset(), other);
      assertArrayEquals(other.getBytes(StandardCharsets.UTF_8), e.octets(), other);
    }
  }

  /** Encoded-string-values are written from where their octets are: a view writes its range. */
  @Test
  void encodedStringViewsAreWrittenFromTheirRange() throws Exception {
    byte[] around = "xxHelloyy".getBytes(StandardCharsets.US_ASCII);
    byte[] utf8 = "--Grüße--".getBytes(StandardCharsets.UTF_8);
    SendReq req =
        SendReq.builder()
            .transactionId("T")
            .from(FromValue.insertAddress())
            .to(Address.of(EncodedString.viewOf(around, 2, 5)))
            .subject(EncodedString.viewOf(CharacterSet.UTF_8, utf8, 2, utf8.length - 4))
            .body(TEXT, SinglePartBody.of(new byte[0]))
            .build();
    byte[] wire = PduCodec.encode(req);
    // To: 0x97 "Hello" 0x00; Subject: 0x96, Value-length 9, UTF-8 (0xEA), "Grüße" 0x00.
    assertEquals(
        "8c80985400" + "8d92" + "890181" + "9748656c6c6f00" + "9609ea4772c3bcc39f6500" + "8483",
        HexFormat.of().formatHex(wire));
    SendReq back = (SendReq) PduCodec.decode(wire);
    assertEquals("Grüße", back.subject().orElseThrow().text());
    assertEquals("Hello", back.to().get(0).encoded().text());
  }

  /** A text starting with an octet of 0x80 or above is Quoted, from a view as from a copy. */
  @Test
  void aViewStartingWithAHighOctetIsQuoted() throws Exception {
    byte[] latin1 = {'-', (byte) 0xE9, 't', 'e'};
    SendReq req =
        SendReq.builder()
            .transactionId("T")
            .from(FromValue.insertAddress())
            .to("a@b.c")
            .subject(EncodedString.viewOf(CharacterSet.ISO_8859_1, latin1, 1, 3))
            .body(TEXT, SinglePartBody.of(new byte[0]))
            .build();
    byte[] wire = PduCodec.encode(req);
    // Subject: 0x96, Value-length 6, ISO-8859-1 (0x84), Quote 0x7F, E9 74 65, 0x00.
    String hex = HexFormat.of().formatHex(wire);
    assertEquals("960684" + "7fe9746500" + "8483", hex.substring(hex.length() - 20), hex);
  }

  @Test
  void builderSetReplacesAndTheMessageTypeCannotBeRemoved() {
    SendReq req =
        SendReq.builder()
            .to("+1")
            .to("+2")
            .subject("a")
            .transactionId("T1")
            .subject("b")
            .set(HeaderField.TO, Address.parse("+3"))
            .add(HeaderField.TRANSACTION_ID, "T2") // a second Transaction-Id is not written
            .from(FromValue.insertAddress())
            .body(TEXT, SinglePartBody.of(new byte[0]))
            .build();
    assertEquals(
        List.of(
            HeaderField.MESSAGE_TYPE,
            HeaderField.TRANSACTION_ID,
            HeaderField.MMS_VERSION,
            HeaderField.TO,
            HeaderField.SUBJECT,
            HeaderField.FROM,
            HeaderField.CONTENT_TYPE),
        req.headers().stream().map(h -> h.field()).toList());
    assertEquals("T1", req.transactionId().orElseThrow());
    assertEquals(List.of(Address.parse("+3")), req.to());
    assertEquals("b", req.subject().orElseThrow().text());
    assertEquals(
        "field: X-Mms-Message-Type(0x8C) (set by the PDU type)",
        assertThrows(
                IllegalArgumentException.class,
                () -> SendReq.builder().remove(HeaderField.MESSAGE_TYPE))
            .getMessage());
    // A mandatory header removed from a new builder is reported.
    IllegalStateException missing =
        assertThrows(
            IllegalStateException.class,
            () ->
                SendReq.builder()
                    .transactionId("T")
                    .from(FromValue.insertAddress())
                    .subject("x")
                    .body(TEXT, SinglePartBody.of(new byte[0]))
                    .remove(HeaderField.FROM)
                    .build());
    assertEquals("m-send-req lacks mandatory header(s): From", missing.getMessage());
  }
}
