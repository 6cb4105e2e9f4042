package org.mmsstack.routing.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.mmsstack.routing.KeyRing;
import org.mmsstack.routing.KeyRingCodec;
import org.mmsstack.routing.Provisional;
import org.mmsstack.routing.RoutingDataConfig;
import org.mmsstack.routing.RoutingDataFormatException;
import org.mmsstack.routing.RoutingDataFormatException.Format;
import org.mmsstack.routing.RoutingDataFormatException.Reason;
import org.mmsstack.routing.table.RoutingTable;
import org.mmsstack.routing.table.RoutingTableCodec;

/**
 * A {@link RoutingData} unit as one blob (the form a replicated store keeps), and as the three
 * files an operator edits. Final, stateless and thread-safe; it follows the codec idiom: static
 * {@code decode} with an optional {@link RoutingDataConfig}, static {@code encode}.
 *
 * <p>The bundle ({@code mms-routing-data 1}) is ASCII framing around the canonical encodings of
 * the three parts:
 *
 * <pre>
 *   mms-routing-data 1
 *   digest sha256:&lt;64 hex digits&gt;
 *   table &lt;n&gt;
 *   &lt;n octets: RoutingTableCodec.encode(table)&gt;
 *   keys &lt;n&gt;
 *   &lt;n octets: KeyRingCodec.encode(keyRing)&gt;
 *   secrets &lt;n&gt;
 *   &lt;n octets: MessageIdSecretsCodec.encode(secrets)&gt;
 * </pre>
 *
 * The digest is the SHA-256 of the bundle without its digest line. Decoding checks the framing
 * and the digest before decoding the parts (so a torn or altered blob is refused as a whole) and
 * then decodes each part with its own codec, whose exception it passes on. The caller's arrays
 * are only read, and not kept.
 */
@Provisional
public final class RoutingDataCodec {

  private static final String HEADER = "mms-routing-data 1";
  private static final String[] PARTS = {"table", "keys", "secrets"};
  private static final int DIGEST_TEXT_LENGTH = "sha256:".length() + 64;

  private RoutingDataCodec() {}

  /**
   * Reads the three files of one version and decodes them (a table, a key ring, a secrets file).
   *
   * @throws RoutingDataFormatException if a file is malformed
   * @throws IOException if a file cannot be read
   */
  public static RoutingData read(
      Path tableFile, Path keyRingFile, Path secretsFile, RoutingDataConfig config)
      throws IOException {
    RoutingTable table = RoutingTableCodec.decode(tableFile, config);
    KeyRing keys = KeyRingCodec.decode(keyRingFile, config);
    MessageIdSecrets secrets = MessageIdSecretsCodec.decode(secretsFile, config);
    return RoutingData.of(table, keys, secrets);
  }

  /** Same as {@code decode(bundle, RoutingDataConfig.DEFAULT)}. */
  public static RoutingData decode(byte[] bundle) throws RoutingDataFormatException {
    return decode(bundle, RoutingDataConfig.DEFAULT);
  }

  /**
   * Decodes a bundle.
   *
   * @throws RoutingDataFormatException with format {@link Format#ROUTING_DATA} if the framing is
   *     broken or the digest does not match (line 1 for the header, 2 for the digest, the part's
   *     line otherwise), or with the part's format if a part is malformed
   */
  public static RoutingData decode(byte[] bundle, RoutingDataConfig config)
      throws RoutingDataFormatException {
    int[] pos = {0};
    String header = line(bundle, pos, 1, Reason.MISSING_HEADER);
    if (!header.equals(HEADER)) {
      if (header.startsWith("mms-routing-data ")) {
        throw fail(
            Reason.UNSUPPORTED_FORMAT_VERSION,
            1,
            "unsupported bundle format \""
                + printable(header)
                + "\" (expected \""
                + HEADER
                + "\")");
      }
      throw fail(
          Reason.MISSING_HEADER,
          1,
          "first line is not \"" + HEADER + "\": \"" + printable(header) + "\"");
    }
    int digestLineStart = pos[0];
    String digestLine = line(bundle, pos, 2, Reason.MISSING_FIELD);
    if (!digestLine.startsWith("digest ")
        || digestLine.length() != "digest ".length() + DIGEST_TEXT_LENGTH) {
      throw fail(
          Reason.MISSING_FIELD,
          2,
          "expected \"digest sha256:<64 hex digits>\", found \"" + printable(digestLine) + "\"");
    }
    String stated = digestLine.substring("digest ".length());
    int digestLineEnd = pos[0];
    byte[][] parts = new byte[PARTS.length][];
    long lineNo = 3;
    for (int i = 0; i < PARTS.length; i++) {
      String partLine = line(bundle, pos, lineNo, Reason.MISSING_FIELD);
      String expected = PARTS[i] + " ";
      if (!partLine.startsWith(expected)) {
        throw fail(
            Reason.UNKNOWN_KEYWORD,
            lineNo,
            "expected \"" + expected + "<length>\", found \"" + printable(partLine) + "\"");
      }
      int length = parseLength(partLine.substring(expected.length()));
      if (length < 0 || length > bundle.length - pos[0]) {
        throw fail(
            Reason.MISSING_FIELD,
            lineNo,
            "part "
                + PARTS[i]
                + " declares "
                + partLine.substring(expected.length())
                + " octets but "
                + (bundle.length - pos[0])
                + " remain");
      }
      parts[i] = Arrays.copyOfRange(bundle, pos[0], pos[0] + length);
      pos[0] += length;
      lineNo++;
    }
    if (pos[0] != bundle.length) {
      throw fail(
          Reason.UNEXPECTED_FIELD,
          lineNo,
          (bundle.length - pos[0]) + " octets after the last part");
    }
    byte[] withoutDigest = new byte[bundle.length - (digestLineEnd - digestLineStart)];
    System.arraycopy(bundle, 0, withoutDigest, 0, digestLineStart);
    System.arraycopy(
        bundle, digestLineEnd, withoutDigest, digestLineStart, bundle.length - digestLineEnd);
    String actual = RoutingData.digestOf(withoutDigest);
    if (!actual.equals(stated)) {
      throw fail(
          Reason.DIGEST_MISMATCH,
          2,
          "bundle states digest " + printable(stated) + " but its content has " + actual);
    }
    RoutingTable table = RoutingTableCodec.decode(parts[0], config);
    KeyRing keys = KeyRingCodec.decode(parts[1], config);
    MessageIdSecrets secrets = MessageIdSecretsCodec.decode(parts[2], config);
    RoutingData data = RoutingData.of(table, keys, secrets);
    if (!data.digest().equals(stated)) {
      // The parts were not in canonical form: the unit is the same routing data, but a bundle is
      // only ever written canonically, so this one was not written by encode().
      throw fail(
          Reason.DIGEST_MISMATCH,
          2,
          "bundle parts are not in canonical form (canonical digest " + data.digest() + ")");
    }
    return data;
  }

  /** The bundle of {@code data}. */
  public static byte[] encode(RoutingData data) {
    byte[] content = data.canonicalContent();
    byte[] digestLine = RoutingData.ascii("digest " + data.digest() + "\n");
    int headerEnd = HEADER.length() + 1;
    byte[] out = new byte[content.length + digestLine.length];
    System.arraycopy(content, 0, out, 0, headerEnd);
    System.arraycopy(digestLine, 0, out, headerEnd, digestLine.length);
    System.arraycopy(
        content, headerEnd, out, headerEnd + digestLine.length, content.length - headerEnd);
    return out;
  }

  /** Writes the bundle of {@code data} to {@code out} (not closed). */
  public static void encode(RoutingData data, OutputStream out) throws IOException {
    out.write(encode(data));
  }

  /** The bundle without digest line: what the digest is computed over. */
  static byte[] bundle(byte[] table, byte[] keys, byte[] secrets) {
    ByteArrayOutputStream out =
        new ByteArrayOutputStream(table.length + keys.length + secrets.length + 96);
    List<byte[]> parts = List.of(table, keys, secrets);
    out.writeBytes(RoutingData.ascii(HEADER + "\n"));
    for (int i = 0; i < PARTS.length; i++) {
      out.writeBytes(RoutingData.ascii(PARTS[i] + " " + parts.get(i).length + "\n"));
      out.writeBytes(parts.get(i));
    }
    return out.toByteArray();
  }

  private static String line(byte[] b, int[] pos, long lineNo, Reason missing)
      throws RoutingDataFormatException {
    int start = pos[0];
    int limit = Math.min(b.length, start + 200);
    for (int i = start; i < limit; i++) {
      if (b[i] == '\n') {
        pos[0] = i + 1;
        return new String(b, start, i - start, StandardCharsets.ISO_8859_1);
      }
    }
    throw fail(
        missing,
        lineNo,
        start >= b.length
            ? "bundle ends before line " + lineNo
            : "line " + lineNo + " has no line end within 200 octets");
  }

  private static int parseLength(String s) {
    if (s.isEmpty() || s.length() > 10) {
      return -1;
    }
    long v = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v > Integer.MAX_VALUE ? -1 : (int) v;
  }

  private static String printable(String s) {
    StringBuilder sb = new StringBuilder(Math.min(s.length(), 80));
    for (int i = 0; i < s.length() && i < 80; i++) {
      char c = s.charAt(i);
      sb.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return sb.toString();
  }

  private static RoutingDataFormatException fail(Reason reason, long line, String message) {
    return RoutingDataFormatException.of(
        Format.ROUTING_DATA,
        List.of(RoutingDataFormatException.finding(reason, line, 1, message)),
        0);
  }
}
