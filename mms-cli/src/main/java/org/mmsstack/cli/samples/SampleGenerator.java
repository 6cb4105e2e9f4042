package org.mmsstack.cli.samples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmsstack.capture.CaptureWriter;
import org.mmsstack.encapsulation.DeliveryInd;
import org.mmsstack.encapsulation.MmsVersion;
import org.mmsstack.encapsulation.NotificationInd;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.ReadOrigInd;
import org.mmsstack.encapsulation.RetrieveConf;
import org.mmsstack.encapsulation.SendConf;
import org.mmsstack.encapsulation.SendReq;
import org.mmsstack.encapsulation.body.MultipartBody;
import org.mmsstack.encapsulation.body.Part;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.MediaType;
import org.mmsstack.encapsulation.value.MessageClass;
import org.mmsstack.encapsulation.value.Priority;
import org.mmsstack.encapsulation.value.ReadStatus;
import org.mmsstack.encapsulation.value.ResponseStatus;
import org.mmsstack.encapsulation.value.Status;
import org.mmsstack.encapsulation.value.TimeValue;
import org.mmsstack.mm4.Mm4Codec;
import org.mmsstack.mm4.Mm4ForwardReq;
import org.mmsstack.mm4.Mm4Version;
import org.mmsstack.mm4.mime.MimeEntity;
import org.mmsstack.mm4.value.Mm4Address;
import org.mmsstack.mm4.value.YesNo;
import org.mmsstack.routing.HeaderPair;
import org.mmsstack.routing.KeyRing;
import org.mmsstack.routing.KeyRingCodec;
import org.mmsstack.routing.MessageIdentity;
import org.mmsstack.routing.Recipient;
import org.mmsstack.routing.RelayId;
import org.mmsstack.routing.RoutingFieldException;
import org.mmsstack.routing.RoutingFields;
import org.mmsstack.routing.RoutingHeaders;
import org.mmsstack.routing.RoutingPdus;
import org.mmsstack.routing.RoutingSigner;

/**
 * Makes the sample PDUs in the project's {@code samples/} folder with the codec's builders, so
 * that the README's commands work on a fresh clone and the samples are the project's own (the
 * shared corpus's licences do not allow shipping its files), plus a small capture of them, a small
 * MM4 forward request, an m-send-req carrying signed routing extension fields and the key ring
 * that verifies them. Every value is fixed (dates, the sample signing key's seed): running it
 * again gives the same octets, which a test checks against the committed files.
 *
 * <p>Usage: {@code SampleGenerator [DIR]} (default {@code samples}).
 */
public final class SampleGenerator {

  private static final Instant DATE = Instant.parse("2024-05-01T10:00:00Z");
  private static final String SENDER = "+15550100/TYPE=PLMN"; // numbers reserved for fiction
  private static final String RECIPIENT = "+15550123/TYPE=PLMN";
  private static final String MESSAGE_ID = "msg-0001@mmsc.example.net";

  private SampleGenerator() {}

  /** The samples by file name, in a fixed order. */
  public static Map<String, byte[]> samples() {
    Map<String, byte[]> out = new LinkedHashMap<>();
    byte[] notification = notification();
    out.put("m-notification-ind.mms", notification);
    out.put("m-send-req.mms", PduCodec.encode(sendReq()));
    out.put(
        "m-send-conf.mms",
        PduCodec.encode(
            SendConf.builder()
                .transactionId("T0002")
                .mmsVersion(MmsVersion.V1_2)
                .responseStatus(ResponseStatus.OK)
                .messageId(MESSAGE_ID)
                .build()));
    out.put("m-retrieve-conf.mms", PduCodec.encode(retrieveConf()));
    out.put(
        "m-delivery-ind.mms",
        PduCodec.encode(
            DeliveryInd.builder()
                .mmsVersion(MmsVersion.V1_2)
                .messageId(MESSAGE_ID)
                .to(RECIPIENT)
                .date(DATE.plusSeconds(60))
                .status(Status.RETRIEVED)
                .build()));
    out.put(
        "m-read-orig-ind.mms",
        PduCodec.encode(
            ReadOrigInd.builder()
                .mmsVersion(MmsVersion.V1_2)
                .messageId(MESSAGE_ID)
                .to(SENDER)
                .from(Address.parse(RECIPIENT))
                .date(DATE.plusSeconds(120))
                .readStatus(ReadStatus.READ)
                .build()));
    out.put("broken-truncated-notification.mms", broken(notification));
    out.put("mms-exchange.pcap", capture(out));
    out.put("mm4-forward-req.eml", mm4ForwardReq());
    out.put("m-send-req-routed.mms", PduCodec.encode(routedSendReq()));
    out.put("routing-keys.txt", routingKeys());
    return out;
  }

  // ---- MM4 and the routing extension --------------------------------------------------------

  /** The sample MMSE's Relay/Servers: the entry (and home) of the samples' items, and the next hop. */
  static final RelayId NORTH = RelayId.of("rs-north");

  static final RelayId SOUTH = RelayId.of("rs-south");

  /** The key id of rs-north's sample key: {@code <relay>.<period>}, as docs/routing-extension.md suggests. */
  static final String KEY_ID = "rs-north.2024a";

  /**
   * rs-north's signing key. The seed is fixed (octets 1..32) so that the samples are the same on
   * every run, and public: it is a sample key, never to be used for real traffic. Ed25519
   * signatures are deterministic (RFC 8032), so fixed seed and fixed input give fixed octets.
   */
  static RoutingSigner signer() {
    byte[] seed = new byte[32];
    for (int i = 0; i < seed.length; i++) {
      seed[i] = (byte) (i + 1);
    }
    return RoutingSigner.fromSeed(KEY_ID, NORTH, seed);
  }

  /** The hop rs-north sends to rs-south, issued at the samples' date. */
  private static RoutingFields hop(Recipient recipient) {
    return RoutingFields.builder()
        .entry(NORTH)
        .home(NORTH)
        .path(List.of(NORTH))
        .hopLimit(RoutingFields.DEFAULT_HOP_LIMIT)
        .tableVersion(42)
        .charging(NORTH)
        .addRecipient(recipient)
        .issuedAt(DATE)
        .build();
  }

  /** The m-send-req with signed routing fields, as rs-north hands it to rs-south. */
  private static Pdu routedSendReq() {
    SendReq pdu = sendReq();
    Recipient to = Recipient.normalise(Address.parse(RECIPIENT)).orElseThrow();
    try {
      return RoutingPdus.attach(pdu, signer().sign(hop(to), RoutingPdus.identity(pdu)));
    } catch (RoutingFieldException e) {
      throw new IllegalStateException(
          "sample m-send-req: " + e.getMessage(), e); // written here, never repeats
    }
  }

  /** rs-north's public key, valid through 2024, in the key ring text format (with a comment). */
  private static byte[] routingKeys() {
    KeyRing ring =
        KeyRing.of(
            List.of(
                signer()
                    .trustedKey(
                        Instant.parse("2024-01-01T00:00:00Z"),
                        Instant.parse("2025-01-01T00:00:00Z"))));
    byte[] body = KeyRingCodec.encode(ring);
    byte[] comment =
        ("# Public routing keys of the sample MMSE: mms validate --routing-keys samples/routing-keys.txt\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] out = Arrays.copyOf(comment, comment.length + body.length);
    System.arraycopy(body, 0, out, comment.length, body.length);
    return out;
  }

  /**
   * A small MM4_forward.REQ (text and SMIL, no image) from the sample MMSE to a partner MMSE,
   * carrying rs-north's signed routing fields as MM4 header fields.
   */
  private static byte[] mm4ForwardReq() {
    OffsetDateTime date = DATE.atOffset(ZoneOffset.UTC);
    Mm4Address from = Mm4Address.plmn("+15550100").withDomain("mms.example.net");
    Mm4Address to = Mm4Address.plmn("+15550123").withDomain("mms.partner.example");
    MimeEntity smil =
        MimeEntity.builder(org.mmsstack.mm4.mime.ContentType.of("application", "smil"))
            .text(
                "<smil><body><par dur=\"5s\"><text src=\"text.txt\"/></par></body></smil>",
                StandardCharsets.UTF_8)
            .contentId("smil")
            .contentLocation("presentation.smil")
            .build();
    MimeEntity text =
        MimeEntity.builder(org.mmsstack.mm4.mime.ContentType.of("text", "plain"))
            .text("Greetings from the beach! Grüße vom Strand.", StandardCharsets.UTF_8)
            .contentId("text")
            .contentLocation("text.txt")
            .build();
    MimeEntity content =
        MimeEntity.builder(
                org.mmsstack.mm4.mime.ContentType.of("multipart", "related")
                    .withParameter("type", "application/smil")
                    .withParameter("start", "<smil>"))
            .addPart(smil)
            .addPart(text)
            .build();
    Mm4ForwardReq message =
        Mm4ForwardReq.builder()
            .mmsVersion(Mm4Version.V6_8_0)
            .transactionId("T0003")
            .messageId(MESSAGE_ID)
            .from(from)
            .to(to)
            .date(date)
            .subject("Holiday photo")
            .rfc822MessageId("T0003.mm4@mms.example.net")
            .sender(Mm4Address.of(null, "system-user", null, "mms.example.net"))
            .originatorSystem(Mm4Address.of(null, "system-user", null, "mms.example.net"))
            .messageClass(MessageClass.PERSONAL)
            .deliveryReport(YesNo.YES)
            .priority(Priority.NORMAL)
            .content(content)
            .build();
    List<HeaderPair> pairs = new ArrayList<>();
    message.headers().forEach(h -> pairs.add(new HeaderPair(h.name(), h.value())));
    Recipient recipient = Recipient.e164("+15550123");
    RoutingFields signed;
    try {
      signed = signer().sign(hop(recipient), MessageIdentity.ofMm4(pairs));
    } catch (RoutingFieldException e) {
      throw new IllegalStateException(
          "sample MM4_forward.REQ: " + e.getMessage(), e); // written here, never repeats
    }
    Mm4ForwardReq.Builder b = message.toBuilder();
    for (HeaderPair h : RoutingHeaders.write(signed)) {
      b.addHeader(h.name(), h.value());
    }
    return Mm4Codec.encode(b.build());
  }

  private static byte[] notification() {
    return PduCodec.encode(
        NotificationInd.builder()
            .transactionId("T0001")
            .mmsVersion(MmsVersion.V1_2)
            .from(Address.parse(SENDER))
            .subject("Holiday photo")
            .messageClass(MessageClass.PERSONAL)
            .messageSize(2048L)
            .expiry(TimeValue.relative(Duration.ofDays(2)))
            .priority(Priority.NORMAL)
            .contentLocation("http://mmsc.example.net/mms/T0001")
            .build());
  }

  /**
   * A capture of one whole exchange: the handset posts the m-send-req and gets the m-send-conf,
   * the m-notification-ind arrives as a WSP push, the m-retrieve-conf answers a GET, and the
   * delivery and read reports are pushed.
   */
  private static byte[] capture(Map<String, byte[]> pdus) {
    List<byte[]> exchange =
        List.of(
            pdus.get("m-send-req.mms"),
            pdus.get("m-send-conf.mms"),
            pdus.get("m-notification-ind.mms"),
            pdus.get("m-retrieve-conf.mms"),
            pdus.get("m-delivery-ind.mms"),
            pdus.get("m-read-orig-ind.mms"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      SampleCapture.writeSample(out, CaptureWriter.Format.PCAP, exchange);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return out.toByteArray();
  }

  /**
   * The notification cut inside its last header (X-Mms-Content-Location): what a truncated
   * capture or a short read gives, and what {@code decode --hex} is for.
   */
  private static byte[] broken(byte[] notification) {
    return Arrays.copyOf(notification, notification.length - 12);
  }

  private static MultipartBody presentation() {
    String smil =
        "<smil><head><layout><root-layout width=\"16\" height=\"16\"/>"
            + "<region id=\"Image\" top=\"0\" left=\"0\" width=\"16\" height=\"16\"/>"
            + "<region id=\"Text\" top=\"16\" left=\"0\" width=\"16\" height=\"16\"/></layout></head>"
            + "<body><par dur=\"5s\"><img src=\"smiley.wbmp\" region=\"Image\"/>"
            + "<text src=\"text.txt\" region=\"Text\"/></par></body></smil>";
    Part smilPart =
        Part.builder()
            .contentType(
                ContentType.of(MediaType.APPLICATION_SMIL)
                    .withParameter("name", "presentation.smil"))
            .data(smil.getBytes(StandardCharsets.US_ASCII))
            .contentId("<smil>")
            .contentLocation("presentation.smil")
            .build();
    Part text =
        Part.builder()
            .text("Greetings from the beach! Grüße vom Strand.")
            .contentId("<text>")
            .contentLocation("text.txt")
            .build();
    Part image =
        Part.builder()
            .contentType(ContentType.of(MediaType.IMAGE_WBMP).withParameter("name", "smiley.wbmp"))
            .data(smiley())
            .contentId("<image>")
            .contentLocation("smiley.wbmp")
            .build();
    return MultipartBody.of(smilPart, text, image);
  }

  private static ContentType related() {
    return ContentType.of(MediaType.MULTIPART_RELATED)
        .withParameter("start", "<smil>")
        .withParameter("type", MediaType.APPLICATION_SMIL);
  }

  private static SendReq sendReq() {
    return SendReq.builder()
        .transactionId("T0002")
        .mmsVersion(MmsVersion.V1_2)
        .date(DATE)
        .from(FromValue.insertAddress())
        .to(RECIPIENT)
        .subject("Holiday photo")
        .messageClass(MessageClass.PERSONAL)
        .priority(Priority.NORMAL)
        .deliveryReport(true)
        .readReport(false)
        .body(related(), presentation())
        .build();
  }

  private static RetrieveConf retrieveConf() {
    return RetrieveConf.builder()
        .transactionId("T0001")
        .mmsVersion(MmsVersion.V1_2)
        .messageId(MESSAGE_ID)
        .date(DATE)
        .from(Address.parse(SENDER))
        .to(RECIPIENT)
        .subject("Holiday photo")
        .messageClass(MessageClass.PERSONAL)
        .priority(Priority.NORMAL)
        .body(related(), presentation())
        .build();
  }

  /** A 16x16 WBMP (type 0, one bit per pixel, 1 = white) of a smiling face, drawn from a circle equation. */
  static byte[] smiley() {
    int size = 16;
    byte[] out = new byte[4 + size * size / 8];
    out[0] = 0; // type 0
    out[1] = 0; // fixed header
    out[2] = (byte) size;
    out[3] = (byte) size;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double dx = x - 7.5;
        double dy = y - 7.5;
        double r = Math.sqrt(dx * dx + dy * dy);
        boolean ring = r > 6.2 && r < 7.6;
        boolean eye = (x == 5 || x == 10) && (y == 5 || y == 6);
        boolean mouth = y >= 9 && y <= 11 && Math.abs(r - 4.5) < 0.8 && dy > 0;
        boolean black = ring || eye || mouth;
        if (!black) {
          out[4 + y * 2 + x / 8] |= (byte) (0x80 >>> (x % 8));
        }
      }
    }
    return out;
  }

  /** Writes the samples into a folder. */
  public static void main(String[] args) throws IOException {
    Path dir = Paths.get(args.length > 0 ? args[0] : "samples");
    Files.createDirectories(dir);
    for (Map.Entry<String, byte[]> e : samples().entrySet()) {
      Files.write(dir.resolve(e.getKey()), e.getValue());
      System.out.println(dir.resolve(e.getKey()) + " (" + e.getValue().length + " octets)");
    }
  }
}
