package org.mmsstack.mm4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.mmsstack.mm4.mime.MimeEntity;
import org.mmsstack.mm4.mime.Mm4Header;
import org.mmsstack.mm4.value.Mm4Address;

/** An independent MIME implementation (Eclipse Angus Mail) reads what we write, and we read what it writes. */
class InteropTest {

  private static final Session SESSION = Session.getInstance(new Properties());

  @Test
  void angusReadsOurForwardRequest() throws Exception {
    Mm4ForwardReq m = Fixtures.fullForwardReq().build();
    MimeMessage mm = new MimeMessage(SESSION, new ByteArrayInputStream(Mm4Codec.encode(m)));
    for (Mm4Header h : m.headers()) {
      String[] values = mm.getHeader(h.name());
      assertTrue(values != null && values.length > 0, h.name());
      // Angus returns folded values with their CRLFs; unfold to compare.
      boolean found = false;
      for (String v : values) {
        found |= v.replace("\r\n", "").strip().equals(h.value());
      }
      assertTrue(found, h.name());
    }
    assertEquals(m.subject().orElseThrow(), mm.getSubject());
    assertEquals(m.date().orElseThrow().toInstant(), mm.getSentDate().toInstant());
    assertEquals(
        "Jörg Müller", ((jakarta.mail.internet.InternetAddress) mm.getFrom()[0]).getPersonal());
    compare(m.content(), mm.getContent(), mm.getContentType());
  }

  private static void compare(MimeEntity ours, Object theirs, String theirType) throws Exception {
    assertTrue(
        theirType.toLowerCase(java.util.Locale.ROOT).startsWith(ours.contentType().baseType()),
        theirType);
    if (ours.isMultipart()) {
      Multipart mp = (Multipart) theirs;
      assertEquals(ours.parts().size(), mp.getCount());
      for (int i = 0; i < mp.getCount(); i++) {
        MimeBodyPart bp = (MimeBodyPart) mp.getBodyPart(i);
        MimeEntity p = ours.parts().get(i);
        if (p.contentId().isPresent()) {
          assertEquals("<" + p.contentId().get() + ">", bp.getContentID());
        }
        if (p.contentLocation().isPresent()) {
          assertEquals(p.contentLocation().get(), bp.getHeader("Content-Location", null));
        }
        if (p.isMultipart()) {
          compare(p, bp.getContent(), bp.getContentType());
        } else {
          assertTrue(
              bp.getContentType()
                  .toLowerCase(java.util.Locale.ROOT)
                  .startsWith(p.contentType().baseType()));
          try (InputStream in = bp.getInputStream()) {
            assertArrayEquals(p.dataBytes(), in.readAllBytes(), p.contentType().baseType());
          }
        }
      }
    }
  }

  @Test
  void angusReadsEveryMessageType() throws Exception {
    for (Mm4Message m : Fixtures.allFull()) {
      MimeMessage mm = new MimeMessage(SESSION, new ByteArrayInputStream(Mm4Codec.encode(m)));
      assertEquals(m.messageType().token(), mm.getHeader(Mm4HeaderNames.MESSAGE_TYPE, null));
      assertEquals(
          m.transactionId().orElseThrow(), mm.getHeader(Mm4HeaderNames.TRANSACTION_ID, null));
    }
  }

  @Test
  void weReadWhatAngusWrites() throws Exception {
    MimeMessage mm = new MimeMessage(SESSION);
    mm.setHeader("X-Mms-3GPP-MMS-Version", "6.8.0");
    mm.setHeader("X-Mms-Message-Type", "MM4_forward.REQ");
    mm.setHeader("X-Mms-Transaction-ID", "t-angus");
    mm.setHeader("X-Mms-Message-ID", "m-angus");
    mm.setHeader("X-Mms-Originator-System", "system-user@mms.example");
    mm.setHeader("From", "+4915550000001/TYPE=PLMN");
    mm.setHeader("To", "+4915550000002/TYPE=PLMN");
    mm.setSubject("Grüße von Angus", "UTF-8");
    mm.setSentDate(java.util.Date.from(Fixtures.DATE.toInstant()));
    MimeMultipart related = new MimeMultipart("related");
    MimeBodyPart text = new MimeBodyPart();
    text.setText("Grüße", "UTF-8");
    text.setContentID("<t>");
    related.addBodyPart(text);
    MimeBodyPart image = new MimeBodyPart();
    image.setContent(Fixtures.bytes(5000, 11), "image/jpeg");
    image.setHeader("Content-Transfer-Encoding", "base64");
    image.setHeader("Content-Location", "img.jpg");
    related.addBodyPart(image);
    mm.setContent(related);
    mm.saveChanges();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    mm.writeTo(out);
    Mm4ForwardReq m = (Mm4ForwardReq) Mm4Codec.decode(out.toByteArray());
    assertEquals("Grüße von Angus", m.subject().orElseThrow());
    assertEquals(Fixtures.DATE.toInstant(), m.date().orElseThrow().toInstant());
    assertEquals(Mm4Address.plmn("+4915550000002"), m.to().get(0));
    assertEquals(2, m.content().parts().size());
    assertEquals("Grüße", m.content().parts().get(0).text());
    assertEquals("t", m.content().parts().get(0).contentId().orElseThrow());
    assertArrayEquals(Fixtures.bytes(5000, 11), m.content().parts().get(1).dataBytes());
    assertEquals("img.jpg", m.content().parts().get(1).contentLocation().orElseThrow());
    BodyPart unused = related.getBodyPart(0);
    assertTrue(unused != null);
  }
}
