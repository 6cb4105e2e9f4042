package org.mmsstack.mm4.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.DeliveryInd;
import org.mmsstack.encapsulation.HeaderField;
import org.mmsstack.encapsulation.MmsVersion;
import org.mmsstack.encapsulation.NotificationInd;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.RetrieveConf;
import org.mmsstack.encapsulation.SendReq;
import org.mmsstack.encapsulation.body.MultipartBody;
import org.mmsstack.encapsulation.body.Part;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.CharacterSet;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.MediaType;
import org.mmsstack.encapsulation.value.ReadStatus;
import org.mmsstack.encapsulation.value.Status;
import org.mmsstack.mm4.Mm4Codec;
import org.mmsstack.mm4.Mm4Config;
import org.mmsstack.mm4.Mm4DeliveryReportReq;
import org.mmsstack.mm4.Mm4ForwardReq;
import org.mmsstack.mm4.Mm4Message;
import org.mmsstack.mm4.Mm4MessageType;
import org.mmsstack.mm4.Mm4ReadReplyReportReq;
import org.mmsstack.mm4.Mm4Version;
import org.mmsstack.mm4.convert.ConversionContext;
import org.mmsstack.mm4.convert.ForwardConversion;
import org.mmsstack.mm4.convert.Mm1ToMm4;
import org.mmsstack.mm4.convert.Mm4ToMm1;
import org.mmsstack.mm4.mime.Mm4Header;
import org.mmsstack.mm4.smtp.SmtpAddress;
import org.mmsstack.mm4.smtp.SmtpClient;
import org.mmsstack.mm4.smtp.SmtpClientConfig;
import org.mmsstack.mm4.smtp.SmtpDeliveryOutcome;
import org.mmsstack.mm4.smtp.SmtpEnvelope;
import org.mmsstack.mm4.smtp.SmtpException;
import org.mmsstack.mm4.smtp.SmtpReceiverConfig;
import org.mmsstack.mm4.smtp.SmtpRecipientResult;
import org.mmsstack.mm4.value.Mm4Address;
import org.mmsstack.mm4.value.MmStatusCode;

/** Mm4Sender and Mm4Receiver against each other, GreenMail and a peer that drops the line, all on 127.0.0.1. */
class TransportTest {

  static final String DOMAIN_A = "mms.mnc002.mcc262.gprs";
  static final String DOMAIN_B = "mms.mnc001.mcc262.gprs";
  static final Mm4Address SYSTEM_A = Mm4Address.of(null, "system-user", null, DOMAIN_A);
  static final Mm4Address SYSTEM_B = Mm4Address.of(null, "system-user", null, DOMAIN_B);
  static final Instant NOW = Instant.parse("2024-05-06T07:08:09Z");
  static final SmtpClientConfig CLIENT =
      SmtpClientConfig.builder().readTimeout(Duration.ofSeconds(20)).build();

  static ConversionContext.Builder ctx(Mm4Address system, String local, String peer) {
    AtomicInteger n = new AtomicInteger();
    return ConversionContext.builder()
        .originatorSystem(system)
        .localDomain(local)
        .recipientDomain(peer)
        .transactionIds(() -> local.substring(0, 13) + "-" + n.incrementAndGet())
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .mmsVersion(MmsVersion.V1_2);
  }

  static SendReq sendReq(int imageSize) {
    byte[] img = new byte[imageSize];
    new SplittableRandom(42).nextBytes(img);
    Part smil =
        Part.builder()
            .contentType(ContentType.of(MediaType.APPLICATION_SMIL))
            .data("<smil><body/></smil>".getBytes(StandardCharsets.US_ASCII))
            .contentId("<smil>")
            .build();
    Part pic =
        Part.builder()
            .contentType(ContentType.of(MediaType.IMAGE_JPEG).withParameter("name", "pic.jpg"))
            .data(img)
            .contentId("<pic>")
            .contentLocation("pic.jpg")
            .build();
    Part text =
        Part.builder()
            .contentType(
                ContentType.of(MediaType.TEXT_PLAIN).withParameter("charset", CharacterSet.UTF_8))
            .data(
                "Hallo aus Köln!\r\n.\r\n..second line with dots\r\n"
                    .getBytes(StandardCharsets.UTF_8))
            .contentId("<t>")
            .build();
    return SendReq.builder()
        .transactionId("c-1")
        .from(FromValue.insertAddress())
        .to("+491700000002/TYPE=PLMN")
        .cc(Address.plmn("+491700000003"))
        .bcc(Address.plmn("+491700000004"))
        .subject("Grüße")
        .set(HeaderField.DELIVERY_REPORT, true)
        .body(
            ContentType.of(MediaType.MULTIPART_RELATED)
                .withParameter("start", "<smil>")
                .withParameter("type", MediaType.APPLICATION_SMIL),
            MultipartBody.of(smil, pic, text))
        .build();
  }

  static ForwardConversion forward(boolean allow8bit) throws Exception {
    return Mm1ToMm4.forwardReq(
        sendReq(4096),
        ctx(SYSTEM_A, DOMAIN_A, DOMAIN_B)
            .messageId("MM-1@" + DOMAIN_A)
            .senderAddress(Address.plmn("+491700000001"))
            .allow8bit(allow8bit)
            .build());
  }

  static SmtpReceiverConfig receiverConfig(String name) throws IOException {
    return SmtpReceiverConfig.builder()
        .bindAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))
        .port(0)
        .serverName(name)
        .build();
  }

  static Mm4DeliveryReportReq deliveryReport() {
    return Mm4DeliveryReportReq.builder()
        .mmsVersion(Mm4Version.V6_8_0)
        .transactionId("dr-1")
        .messageId("MM-1@" + DOMAIN_A)
        .from(Mm4Address.plmn("+491700000002"))
        .to(Mm4Address.plmn("+491700000001"))
        .date(OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC))
        .rfc822MessageId("dr-1@" + DOMAIN_B)
        .originatorSystem(SYSTEM_B)
        .mmStatusCode(MmStatusCode.RETRIEVED)
        .build();
  }

  static Mm4ReadReplyReportReq readReport() {
    return Mm4ReadReplyReportReq.builder()
        .mmsVersion(Mm4Version.V6_8_0)
        .transactionId("rr-1")
        .messageId("MM-1@" + DOMAIN_A)
        .from(Mm4Address.plmn("+491700000002"))
        .to(Mm4Address.plmn("+491700000001"))
        .date(OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC))
        .rfc822MessageId("rr-1@" + DOMAIN_B)
        .originatorSystem(SYSTEM_B)
        .readStatus(ReadStatus.READ)
        .build();
  }

  @Test
  void senderAndReceiverExchangeForwardAndReportsOnLoopback() throws Exception {
    ConcurrentLinkedQueue<Mm4Delivery> got = new ConcurrentLinkedQueue<>();
    ForwardConversion fc = forward(true);
    try (Mm4Receiver receiver =
            Mm4Receiver.start(
                receiverConfig(DOMAIN_B),
                Mm4Config.DEFAULT,
                d -> {
                  got.add(d);
                  return SmtpDeliveryOutcome.accepted();
                });
        Mm4Sender sender = Mm4Sender.connect("127.0.0.1", receiver.port(), CLIENT)) {
      assertTrue(sender.client().supports("8BITMIME"));
      Mm4SendResult r = sender.send(fc.message(), fc.envelopeRecipients());
      assertTrue(r.smtp().allRecipientsAccepted());
      assertEquals(3, r.smtp().acceptedRecipients().size(), "To, Cc and Bcc recipients");
      assertEquals(Mm4MessageType.FORWARD_REQ, r.messageType());
      assertEquals(Optional.of(fc.message().transactionId().orElseThrow()), r.transactionId());
      assertEquals(250, r.smtp().dataReply().code());
      sender.send(deliveryReport(), DOMAIN_A);
      sender.send(readReport(), DOMAIN_A);
    }
    List<Mm4Delivery> list = List.copyOf(got);
    assertEquals(3, list.size());
    Mm4Delivery f = list.get(0);
    assertEquals(fc.message(), f.message());
    assertTrue(f.findings().isEmpty(), f.findings().toString());
    assertEquals(
        Optional.of(SmtpAddress.parse("system-user@" + DOMAIN_A)), f.envelope().reversePath());
    assertEquals(
        List.of(
            SmtpAddress.parse("+491700000002/TYPE=PLMN@" + DOMAIN_B),
            SmtpAddress.parse("+491700000003/TYPE=PLMN@" + DOMAIN_B),
            SmtpAddress.parse("+491700000004/TYPE=PLMN@" + DOMAIN_B)),
        f.envelope().recipients());
    assertEquals(deliveryReport(), list.get(1).message());
    assertEquals(
        List.of(SmtpAddress.parse("+491700000001/TYPE=PLMN@" + DOMAIN_A)),
        list.get(1).envelope().recipients());
    assertEquals(
        Optional.of(SmtpAddress.parse("system-user@" + DOMAIN_B)),
        list.get(1).envelope().reversePath());
    assertEquals(readReport(), list.get(2).message());
  }

  @Test
  void handlerDecisionIsTheSmtpReplyAndNotMm4MailGets554() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    try (Mm4Receiver receiver =
        Mm4Receiver.start(
            receiverConfig(DOMAIN_B),
            Mm4Config.DEFAULT,
            d -> {
              calls.incrementAndGet();
              return SmtpDeliveryOutcome.temporaryFailure("queue full");
            })) {
      try (Mm4Sender sender = Mm4Sender.connect("127.0.0.1", receiver.port(), CLIENT)) {
        SmtpException e =
            assertThrows(SmtpException.class, () -> sender.send(deliveryReport(), DOMAIN_A));
        assertEquals(451, e.lastReplyCode());
      }
      try (SmtpClient raw = SmtpClient.connect("127.0.0.1", receiver.port(), CLIENT)) {
        byte[] junk = "Subject: hello\r\n\r\njust a mail\r\n".getBytes(StandardCharsets.US_ASCII);
        SmtpException e =
            assertThrows(
                SmtpException.class,
                () -> raw.send(SmtpEnvelope.of("a@" + DOMAIN_A, "b@" + DOMAIN_B), junk));
        assertEquals(554, e.lastReplyCode());
        assertTrue(
            e.lastReply().orElseThrow().text().contains("not an MM4 message"), e.getMessage());
      }
    }
    assertEquals(1, calls.get(), "unparseable mail never reaches the handler");
  }

  @Test
  void refusedRecipientsAreReportedPerRecipient() throws Exception {
    ForwardConversion fc = forward(false);
    try (Mm4Receiver receiver =
            Mm4Receiver.start(
                receiverConfig(DOMAIN_B),
                Mm4Config.DEFAULT,
                new Mm4MessageHandler() {
                  @Override
                  public SmtpDeliveryOutcome deliver(Mm4Delivery d) {
                    return SmtpDeliveryOutcome.accepted();
                  }

                  @Override
                  public boolean acceptsRecipient(SmtpAddress r) {
                    return !r.localPart().startsWith("+491700000003");
                  }
                });
        Mm4Sender sender = Mm4Sender.connect("127.0.0.1", receiver.port(), CLIENT)) {
      Mm4SendResult r = sender.send(fc.message(), fc.envelopeRecipients());
      assertFalse(r.smtp().allRecipientsAccepted());
      SmtpAddress refused = SmtpAddress.parse("+491700000003/TYPE=PLMN@" + DOMAIN_B);
      assertEquals(List.of(refused), r.smtp().refusedRecipients());
      SmtpRecipientResult result =
          r.smtp().recipientResults().stream()
              .filter(x -> x.recipient().equals(refused))
              .findFirst()
              .orElseThrow();
      assertEquals(550, result.reply().code());
    }
  }

  @Test
  void greenMailStoresWhatParsesBackToTheSameMessage() throws Exception {
    GreenMail gm =
        new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    gm.start();
    try {
      ForwardConversion fc = forward(false);
      Mm4Message[] sent = {fc.message(), deliveryReport(), readReport()};
      try (Mm4Sender sender = Mm4Sender.connect("127.0.0.1", gm.getSmtp().getPort(), CLIENT)) {
        assertFalse(sender.client().supports("8BITMIME"));
        sender.send(sent[0], List.of(fc.envelopeRecipients().get(0)));
        sender.send(sent[1], DOMAIN_A);
        sender.send(sent[2], DOMAIN_A);
        // 8-bit text to a peer without 8BITMIME is refused before MAIL FROM: nothing is sent.
        ForwardConversion eight = forward(true);
        SmtpException e =
            assertThrows(
                SmtpException.class,
                () -> sender.send(eight.message(), eight.envelopeRecipients()));
        assertEquals(SmtpException.Reason.EIGHT_BIT_UNSUPPORTED, e.reason());
      }
      MimeMessage[] stored = gm.getReceivedMessages();
      assertEquals(3, stored.length);
      for (int i = 0; i < 3; i++) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        stored[i].writeTo(out);
        Mm4Message back = Mm4Codec.decode(out.toByteArray());
        assertEquals(sent[i].messageType(), back.messageType());
        // GreenMail puts Return-Path and Received in front; everything else must be what was sent.
        List<Mm4Header> headers =
            back.headers().list().stream()
                .filter(h -> !h.is("Return-Path") && !h.is("Received"))
                .toList();
        assertEquals(sent[i].headers().list(), headers, "headers of message " + i);
        assertEquals(sent[i].content().parts(), back.content().parts(), "content of message " + i);
        assertArrayEquals(sent[i].content().dataBytes(), back.content().dataBytes());
      }
    } finally {
      gm.stop();
    }
  }

  @Test
  void peerDroppingTheConnectionMidDataMeansNothingWasSent() throws Exception {
    ForwardConversion fc = forward(false);
    try (DroppingPeer peer = new DroppingPeer(2000)) {
      try (Mm4Sender sender = Mm4Sender.connect("127.0.0.1", peer.port(), CLIENT)) {
        SmtpException e =
            assertThrows(
                SmtpException.class, () -> sender.send(fc.message(), fc.envelopeRecipients()));
        assertTrue(e.reason() == SmtpException.Reason.CONNECTION_LOST, e.toString());
        assertFalse(sender.client().isOpen());
      }
      assertTrue(peer.received() >= 2000, "the peer saw part of the content before dropping");
    }
  }

  @Test
  void peerClosingAfterTheWholeContentWithoutAReplyIsUncertainNotSent() throws Exception {
    ForwardConversion fc = forward(false);
    try (DroppingPeer peer = new DroppingPeer(-1)) {
      try (Mm4Sender sender = Mm4Sender.connect("127.0.0.1", peer.port(), CLIENT)) {
        SmtpException e =
            assertThrows(
                SmtpException.class, () -> sender.send(fc.message(), fc.envelopeRecipients()));
        assertTrue(e.deliveryUncertain(), "content sent in full but never acknowledged: " + e);
      }
    }
  }

  @Test
  void endToEndSendReqToNotificationAndRetrieveConfAndTheDeliveryReportBack() throws Exception {
    ConcurrentLinkedQueue<Object> atB = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<DeliveryInd> atA = new ConcurrentLinkedQueue<>();
    ConversionContext ctxB =
        ctx(SYSTEM_B, DOMAIN_B, DOMAIN_A).contentLocation("http://mmsc.b/mm/1").build();
    SendReq req = sendReq(100_000);
    try (Mm4Receiver a =
            Mm4Receiver.start(
                receiverConfig(DOMAIN_A),
                Mm4Config.DEFAULT,
                d -> {
                  try {
                    atA.add(
                        Mm4ToMm1.deliveryInd(
                                (Mm4DeliveryReportReq) d.message(),
                                ctx(SYSTEM_A, DOMAIN_A, DOMAIN_B).build())
                            .value());
                    return SmtpDeliveryOutcome.accepted();
                  } catch (Exception e) {
                    return SmtpDeliveryOutcome.permanentFailure(e.getClass().getSimpleName());
                  }
                });
        Mm4Receiver b =
            Mm4Receiver.start(
                receiverConfig(DOMAIN_B),
                Mm4Config.DEFAULT,
                d -> {
                  try {
                    Mm4ForwardReq f = (Mm4ForwardReq) d.message();
                    atB.add(f);
                    atB.add(Mm4ToMm1.notificationInd(f, ctxB).value());
                    atB.add(Mm4ToMm1.retrieveConf(f, ctxB).value());
                    return SmtpDeliveryOutcome.accepted();
                  } catch (Exception e) {
                    return SmtpDeliveryOutcome.permanentFailure(e.getClass().getSimpleName());
                  }
                })) {
      // MMSE A: the subscriber's m-send-req goes to MMSE B as an MM4_forward.REQ.
      ForwardConversion fc =
          Mm1ToMm4.forwardReq(
              (SendReq) PduCodec.decode(PduCodec.encode(req)),
              ctx(SYSTEM_A, DOMAIN_A, DOMAIN_B)
                  .messageId("MM-77@" + DOMAIN_A)
                  .senderAddress(Address.plmn("+491700000001"))
                  .build());
      try (Mm4Sender s = Mm4Sender.connect("127.0.0.1", b.port(), CLIENT)) {
        s.send(fc.message(), fc.envelopeRecipients());
      }
      List<Object> got = List.copyOf(atB);
      assertEquals(3, got.size());
      Mm4ForwardReq f = (Mm4ForwardReq) got.get(0);
      NotificationInd n =
          (NotificationInd) PduCodec.decode(PduCodec.encode((NotificationInd) got.get(1)));
      RetrieveConf rc = (RetrieveConf) PduCodec.decode(PduCodec.encode((RetrieveConf) got.get(2)));
      assertEquals(Optional.of("http://mmsc.b/mm/1"), n.get(HeaderField.CONTENT_LOCATION));
      assertEquals(
          Optional.of(FromValue.of(Address.plmn("+491700000001"))), n.get(HeaderField.FROM));
      assertEquals(Optional.of("MM-77@" + DOMAIN_A), rc.get(HeaderField.MESSAGE_ID));
      assertEquals(req.get(HeaderField.SUBJECT), rc.get(HeaderField.SUBJECT));
      assertEquals(req.getAll(HeaderField.TO), rc.getAll(HeaderField.TO));
      List<Part> sentParts = ((MultipartBody) req.body().orElseThrow()).parts();
      List<Part> gotParts = ((MultipartBody) rc.body().orElseThrow()).parts();
      assertEquals(sentParts.size(), gotParts.size());
      for (int i = 0; i < sentParts.size(); i++) {
        assertArrayEquals(sentParts.get(i).dataBytes(), gotParts.get(i).dataBytes(), "part " + i);
        assertEquals(sentParts.get(i).contentId(), gotParts.get(i).contentId());
      }

      // MMSE B: the recipient retrieved it; its delivery report goes back to MMSE A.
      DeliveryInd status =
          DeliveryInd.builder()
              .messageId(f.messageId().orElseThrow())
              .to(Address.plmn("+491700000002"))
              .date(NOW)
              .status(Status.RETRIEVED)
              .build();
      Mm4DeliveryReportReq report =
          Mm1ToMm4.deliveryReportReq(
                  status,
                  ctx(SYSTEM_B, DOMAIN_B, DOMAIN_A)
                      .originalSender(HeaderToBinary.address(f.from().orElseThrow()))
                      .build())
              .value();
      try (Mm4Sender s = Mm4Sender.connect("127.0.0.1", a.port(), CLIENT)) {
        Mm4SendResult r = s.send(report, DOMAIN_A);
        assertEquals(
            List.of(SmtpAddress.parse("+491700000001/TYPE=PLMN@" + DOMAIN_A)),
            r.smtp().acceptedRecipients());
      }
      DeliveryInd di = atA.poll();
      assertEquals(Optional.of("MM-77@" + DOMAIN_A), di.get(HeaderField.MESSAGE_ID));
      assertEquals(Optional.of(Status.RETRIEVED), di.get(HeaderField.STATUS));
      assertEquals(List.of(Address.plmn("+491700000002")), di.getAll(HeaderField.TO));
    }
  }

  /** An MM4 address back to an MMS one, the simple way a test can (the converters have their own). */
  static final class HeaderToBinary {
    static Address address(Mm4Address a) {
      return Address.parse(a.localPart());
    }
  }

  /**
   * A raw peer for one connection: answers EHLO, MAIL, RCPT and DATA positively, then closes the
   * connection after {@code dropAfter} octets of content, or (when negative) after the
   * end-of-data mark without replying.
   */
  static final class DroppingPeer implements AutoCloseable {
    private final ServerSocket server;
    private final Thread thread;
    private final AtomicLong received = new AtomicLong();

    DroppingPeer(int dropAfter) throws IOException {
      server = new ServerSocket();
      server.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0));
      thread = new Thread(() -> serve(dropAfter), "dropping-peer");
      thread.setDaemon(true);
      thread.start();
    }

    int port() {
      return server.getLocalPort();
    }

    long received() {
      return received.get();
    }

    private void serve(int dropAfter) {
      try (Socket s = server.accept()) {
        s.setSoTimeout(20_000);
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        write(out, "220 peer ESMTP");
        while (true) {
          String line = readLine(in);
          if (line == null) {
            return;
          }
          String cmd =
              line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
          if (cmd.equals("EHLO")) {
            write(out, "250-peer\r\n250 8BITMIME");
          } else if (cmd.equals("DATA")) {
            write(out, "354 go on");
            byte[] tail = new byte[5];
            int b;
            while ((b = in.read()) >= 0) {
              long n = received.incrementAndGet();
              if (dropAfter >= 0 && n >= dropAfter) {
                return; // closes the socket mid-content
              }
              System.arraycopy(tail, 1, tail, 0, 4);
              tail[4] = (byte) b;
              if (Arrays.equals(tail, "\r\n.\r\n".getBytes(StandardCharsets.US_ASCII))) {
                return; // the whole content arrived; close without a reply
              }
            }
            return;
          } else if (cmd.equals("QUIT")) {
            write(out, "221 bye");
            return;
          } else {
            write(out, "250 ok");
          }
        }
      } catch (IOException e) {
        // The test looks at what the client reports.
      }
    }

    private static void write(OutputStream out, String reply) throws IOException {
      out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }

    private static String readLine(InputStream in) throws IOException {
      StringBuilder sb = new StringBuilder();
      int b;
      while ((b = in.read()) >= 0) {
        if (b == '\n') {
          return sb.toString().strip();
        }
        sb.append((char) b);
      }
      return null;
    }

    @Override
    public void close() throws IOException {
      server.close();
      try {
        thread.join(20_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
