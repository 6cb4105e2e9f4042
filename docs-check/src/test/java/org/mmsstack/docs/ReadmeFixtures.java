package org.mmsstack.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.SendReq;

/**
 * The variables README.md's snippets assume, as its "Using the codec" section lists them. Each
 * snippet sees them as fields of its class; a snippet may declare a local of the same name.
 */
public final class ReadmeFixtures {

  /** The names a snippet may use without declaring them; the harness declares exactly these. */
  static final String PRELUDE =
      String.join(
          "\n",
          "  static final byte[] bytes = org.mmsstack.docs.ReadmeFixtures.bytes();",
          "  static final org.mmsstack.encapsulation.Pdu pdu = org.mmsstack.docs.ReadmeFixtures.pdu();",
          "  static final byte[] smilBytes = org.mmsstack.docs.ReadmeFixtures.smilBytes();",
          "  static final byte[] jpegBytes = org.mmsstack.docs.ReadmeFixtures.jpegBytes();",
          "  static final byte[] mailBytes = org.mmsstack.docs.ReadmeFixtures.mailBytes();",
          "  static final org.mmsstack.encapsulation.SendReq sendReq = org.mmsstack.docs.ReadmeFixtures.sendReq();",
          "  static final java.nio.file.Path tableFile = org.mmsstack.docs.ReadmeFixtures.tableFile();",
          "  static final java.nio.file.Path captureFile = org.mmsstack.docs.ReadmeFixtures.captureFile();");

  /** Lines of {@link #PRELUDE}. */
  static final int PRELUDE_LINES = 8;

  private static final String TABLE =
      String.join(
          "\n",
          "mms-routing-table 1",
          "version 42 readme",
          "default reject unknown-recipient",
          "prefix 49      mmse mms.mnc002.mcc262.gprs",
          "prefix 49151   relay rs-north",
          "prefix 49176   relay rs-south",
          "number 4915212345678 relay rs-north",
          "domain example.com relay rs-mail",
          "");

  private ReadmeFixtures() {}

  /** The project root (the reactor's directory; the parent of this module otherwise). */
  public static Path root() {
    String p = System.getProperty("mmsstack.root");
    return (p != null && !p.isEmpty() ? Path.of(p) : Path.of("..")).toAbsolutePath().normalize();
  }

  /** {@code bytes}: samples/m-notification-ind.mms. */
  public static byte[] bytes() {
    return sample("m-notification-ind.mms");
  }

  /** {@code pdu}: {@code bytes} decoded. */
  public static Pdu pdu() {
    try {
      return PduCodec.decode(bytes());
    } catch (PduFormatException e) {
      throw new IllegalStateException("samples/m-notification-ind.mms does not decode", e);
    }
  }

  /** {@code smilBytes}: a SMIL presentation of one text and one image. */
  public static byte[] smilBytes() {
    return ("<smil><body><par dur=\"5s\"><img src=\"photo.jpg\"/><text src=\"text.txt\"/></par>"
            + "</body></smil>")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** {@code jpegBytes}: the start and end markers of a JPEG (content is not inspected). */
  public static byte[] jpegBytes() {
    return new byte[] {
      (byte) 0xFF,
      (byte) 0xD8,
      (byte) 0xFF,
      (byte) 0xE0,
      0,
      16,
      'J',
      'F',
      'I',
      'F',
      0,
      (byte) 0xFF,
      (byte) 0xD9
    };
  }

  /** {@code mailBytes}: samples/mm4-forward-req.eml. */
  public static byte[] mailBytes() {
    return sample("mm4-forward-req.eml");
  }

  /** {@code sendReq}: samples/m-send-req.mms decoded. */
  public static SendReq sendReq() {
    try {
      return (SendReq) PduCodec.decode(sample("m-send-req.mms"));
    } catch (PduFormatException e) {
      throw new IllegalStateException("samples/m-send-req.mms does not decode", e);
    }
  }

  /** {@code captureFile}: samples/mms-exchange.pcap, a capture of an MM1 exchange. */
  public static Path captureFile() {
    return root().resolve("samples").resolve("mms-exchange.pcap");
  }

  /** {@code tableFile}: a small routing table (docs/routing-table-format.md) in a temporary file. */
  public static Path tableFile() {
    try {
      Path f = Files.createTempFile("readme-routing", ".table");
      f.toFile().deleteOnExit();
      Files.writeString(f, TABLE, StandardCharsets.US_ASCII);
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] sample(String name) {
    try {
      return Files.readAllBytes(root().resolve("samples").resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
