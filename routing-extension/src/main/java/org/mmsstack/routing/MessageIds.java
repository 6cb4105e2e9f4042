package org.mmsstack.routing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.mmsstack.routing.internal.Base32;

/**
 * Message-IDs that name the originator's home Relay/Server, so that a delivery or read report
 * arriving anywhere (over MM4 from another MMSE, through a legacy Relay/Server) is routed home
 * without shared state.
 *
 * <p>Format (version {@code r1}), all lower case:
 * <pre>
 *   r1.&lt;home relay id&gt;.&lt;16 base32 chars: 80 random bits&gt;.&lt;13 base32 chars: MAC&gt;
 *   e.g. r1.rs-north.k5q2mz3c7h4tyd6a.mhq3tzw7brc2e
 * </pre>
 * The MAC is HMAC-SHA256 under an MMSE-wide secret over the ASCII text before the last dot,
 * truncated to 64 bits. The id is 36 characters plus the relay id (at most 68): a valid MMS
 * Message-ID Text-string (visible ASCII, first octet {@code r}) and an RFC 5322 dot-atom-text,
 * so {@code <id@domain>} is a valid msg-id. Base32 rather than base64 because intermediaries
 * sometimes change the case of ids; {@link #parseHome} folds case before checking.
 *
 * <p>Several secrets may be live for rotation: ids are minted with the first and verified
 * against all. Immutable and thread-safe.
 */
@Provisional
public final class MessageIds {

  private static final String MARKER = "r1.";
  private static final int RANDOM_OCTETS = 10; // 16 base32 characters
  private static final int RANDOM_CHARS = 16;
  private static final int MAC_OCTETS = 8; // 13 base32 characters
  private static final int MAC_CHARS = 13;

  private final List<byte[]> keys;

  private MessageIds(List<byte[]> keys) {
    this.keys = keys;
  }

  /**
   * Ids under these secrets: the current one first (used to mint), then older ones still
   * accepted. Each secret is at least 16 octets; they are copied.
   *
   * @throws NullPointerException when a key is null
   * @throws IllegalArgumentException when a key is shorter than 16 octets
   */
  public static MessageIds withKeys(byte[] current, byte[]... previous) {
    List<byte[]> l = new ArrayList<>(1 + previous.length);
    l.add(check(current));
    for (byte[] k : previous) {
      l.add(check(k));
    }
    return new MessageIds(List.copyOf(l));
  }

  private static byte[] check(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length < 16) {
      throw new IllegalArgumentException("key: " + key.length + " octets (expected: at least 16)");
    }
    return key.clone();
  }

  /** A new Message-ID naming {@code home}, with 80 bits from {@code random}. */
  public String mint(RelayId home, RandomGenerator random) {
    byte[] r = new byte[RANDOM_OCTETS];
    random.nextBytes(r);
    StringBuilder sb =
        new StringBuilder(MARKER.length() + home.value().length() + 2 + RANDOM_CHARS + MAC_CHARS);
    sb.append(MARKER).append(home.value()).append('.');
    Base32.encode(r, 0, r.length, sb);
    String body = sb.toString();
    sb.append('.');
    byte[] mac = mac(keys.get(0), body);
    Base32.encode(mac, 0, MAC_OCTETS, sb);
    return sb.toString();
  }

  /** Whether a Message-ID has this class's format (whether or not its MAC verifies). */
  public static boolean isMinted(String messageId) {
    return split(messageId) != null;
  }

  /**
   * The home Relay/Server a Message-ID names. Accepts the id bare, in quotes, in angle
   * brackets, and with an {@code @domain} part (the RFC 5322 msg-id form MM4 carries).
   *
   * @return empty when the id is not in this format (minted by a foreign or legacy
   *     Relay/Server): route by the routing data instead
   * @throws RoutingFieldException with reason FORGED_MESSAGE_ID when the id has the format but
   *     its MAC verifies under none of the secrets
   */
  public Optional<RelayId> parseHome(String messageId) throws RoutingFieldException {
    String[] parts = split(messageId);
    if (parts == null) {
      return Optional.empty();
    }
    String body = parts[0];
    byte[] expectedMac = parts[2].getBytes(StandardCharsets.US_ASCII);
    for (byte[] key : keys) {
      StringBuilder sb = new StringBuilder(MAC_CHARS);
      Base32.encode(mac(key, body), 0, MAC_OCTETS, sb);
      if (MessageDigest.isEqual(sb.toString().getBytes(StandardCharsets.US_ASCII), expectedMac)) {
        return Optional.of(RelayId.of(parts[1]));
      }
    }
    throw RoutingFieldException.forgedMessageId(messageId);
  }

  /** [text before the last dot, home, mac] of a well-formed id, or null. */
  private static String[] split(String messageId) {
    if (messageId == null) {
      return null;
    }
    String s = messageId.trim();
    if (s.length() >= 2
        && ((s.charAt(0) == '"' && s.endsWith("\"")) || (s.charAt(0) == '<' && s.endsWith(">")))) {
      s = s.substring(1, s.length() - 1);
    }
    int at = s.indexOf('@');
    if (at >= 0) {
      s = s.substring(0, at);
    }
    if (s.length() > MARKER.length() + RelayId.MAX_LENGTH + 2 + RANDOM_CHARS + MAC_CHARS) {
      return null;
    }
    s = s.toLowerCase(Locale.ROOT);
    if (!s.startsWith(MARKER)) {
      return null;
    }
    int lastDot = s.lastIndexOf('.');
    int randDot = s.lastIndexOf('.', lastDot - 1);
    if (randDot <= MARKER.length()
        || lastDot - randDot - 1 != RANDOM_CHARS
        || s.length() - lastDot - 1 != MAC_CHARS) {
      return null;
    }
    String home = s.substring(MARKER.length(), randDot);
    if (RelayId.parseOrNull(home) == null) {
      return null;
    }
    for (int i = randDot + 1; i < s.length(); i++) {
      if (i != lastDot && !Base32.isDigit(s.charAt(i))) {
        return null;
      }
    }
    return new String[] {s.substring(0, lastDot), home, s.substring(lastDot + 1)};
  }

  private static byte[] mac(byte[] key, String text) {
    HMac h = new HMac(new SHA256Digest());
    h.init(new KeyParameter(key));
    byte[] in = text.getBytes(StandardCharsets.US_ASCII);
    h.update(in, 0, in.length);
    byte[] out = new byte[h.getMacSize()];
    h.doFinal(out, 0);
    return out;
  }
}
