package org.mmsstack.mm4.smtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Our client against GreenMail, an independent SMTP server, on 127.0.0.1: what GreenMail stored
 * must be exactly what we sent.
 */
class GreenMailInteropTest {
  private GreenMail greenMail;

  @BeforeEach
  void startGreenMail() {
    greenMail =
        new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    greenMail.start();
  }

  @AfterEach
  void stopGreenMail() {
    greenMail.stop();
  }

  private SmtpClient connect() throws SmtpException {
    return SmtpClient.connect(
        "127.0.0.1",
        greenMail.getSmtp().getPort(),
        SmtpClientConfig.builder().readTimeout(Duration.ofSeconds(20)).build());
  }

  /**
   * GreenMail stores the message with a Return-Path and a Received header in front of what it
   * got (its DATA handler adds them), and it takes the CR LF that ends the last line as part of
   * the end-of-data mark, so that line end is not stored (RFC 5321 section 4.1.1.4 counts it as
   * part of the message). This puts both back as they were on the wire: everything after the two
   * added lines, plus the final CR LF our client sent.
   */
  private static byte[] receivedContent(MimeMessage stored) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    stored.writeTo(out);
    byte[] all = out.toByteArray();
    String text = new String(all, StandardCharsets.ISO_8859_1);
    assertTrue(text.startsWith("Return-Path: <"), text);
    int afterReturnPath = text.indexOf("\r\n") + 2;
    assertTrue(text.startsWith("Received: ", afterReturnPath), text);
    int afterReceived = text.indexOf("\r\n", afterReturnPath) + 2;
    byte[] content = Arrays.copyOfRange(all, afterReceived, all.length + 2);
    content[content.length - 2] = '\r';
    content[content.length - 1] = '\n';
    return content;
  }

  @Test
  void greenMailReceivesExactlyTheBytesSent() throws Exception {
    byte[] message =
        SmtpClientReceiverTest.mm4Message(
            "First line\r\n.leading dot\r\n..two dots\r\n.\r\nlast line\r\n");
    SmtpSendResult result;
    try (SmtpClient client = connect()) {
      assertTrue(client.isEsmtp());
      assertFalse(client.supports("8BITMIME"), "this GreenMail does not offer 8BITMIME");
      result =
          client.send(
              SmtpEnvelope.of(
                  SmtpClientReceiverTest.FROM,
                  "alice@mms.mnc001.mcc262.gprs",
                  "bob@mms.mnc001.mcc262.gprs"),
              message);
    }
    assertEquals(2, result.acceptedRecipients().size());
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertEquals(2, received.length, "one stored copy per recipient");
    for (MimeMessage m : received) {
      assertArrayEquals(message, receivedContent(m));
    }
  }

  @Test
  void mm4AddressesAreAcceptedUnquotedByGreenMail() throws Exception {
    byte[] message = SmtpClientReceiverTest.mm4Message("x\r\n");
    try (SmtpClient client = connect()) {
      client.send(
          SmtpEnvelope.of(SmtpClientReceiverTest.FROM, SmtpClientReceiverTest.TO1), message);
    }
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertEquals(1, received.length);
    assertTrue(
        greenMail.getUserManager().getUserByEmail(SmtpClientReceiverTest.TO1) != null,
        "GreenMail delivered to the MM4 address as sent");
    assertArrayEquals(message, receivedContent(received[0]));
  }

  @Test
  void bareLineFeedsArriveAsCrLf() throws Exception {
    byte[] message = "Subject: lf\n\nline one\nline two\n".getBytes(StandardCharsets.US_ASCII);
    try (SmtpClient client = connect()) {
      client.send(SmtpEnvelope.of(SmtpClientReceiverTest.FROM, "alice@example.org"), message);
    }
    assertEquals(
        "Subject: lf\r\n\r\nline one\r\nline two\r\n",
        new String(receivedContent(greenMail.getReceivedMessages()[0]), StandardCharsets.US_ASCII));
  }

  @Test
  void severalMessagesOnOneConnection() throws Exception {
    try (SmtpClient client = connect()) {
      for (int i = 0; i < 3; i++) {
        client.send(
            SmtpEnvelope.of(SmtpClientReceiverTest.FROM, "alice@example.org"),
            SmtpClientReceiverTest.mm4Message("message " + i + "\r\n"));
      }
    }
    assertEquals(3, greenMail.getReceivedMessages().length);
  }

  @Test
  void refuses8BitContentBecauseGreenMailDoesNotOffer8BitMime() throws Exception {
    try (SmtpClient client = connect()) {
      SmtpException e =
          assertThrows(
              SmtpException.class,
              () ->
                  client.send(
                      SmtpEnvelope.of(SmtpClientReceiverTest.FROM, "alice@example.org"),
                      SmtpClientReceiverTest.mm4Message("Grüße\r\n")));
      assertEquals(SmtpException.Reason.EIGHT_BIT_UNSUPPORTED, e.reason());
    }
    assertEquals(0, greenMail.getReceivedMessages().length);
  }
}
