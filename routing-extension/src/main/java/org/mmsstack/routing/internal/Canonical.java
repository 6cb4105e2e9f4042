package org.mmsstack.routing.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.mmsstack.routing.MessageIdentity;
import org.mmsstack.routing.Recipient;
import org.mmsstack.routing.RelayId;
import org.mmsstack.routing.RoutingFields;

/**
 * The byte string a routing signature covers (version 1). It is a sequence of items; each item
 * is a 4-octet big-endian length followed by that many octets of UTF-8 text. Lists are an item
 * holding the decimal element count followed by one item per element. The order is fixed:
 *
 * <ol>
 *   <li>{@code mmsstack-routing-signature-v1} (domain separation);</li>
 *   <li>the key id;</li>
 *   <li>the extension version, {@code 1};</li>
 *   <li>the message kind token ({@code message}, {@code delivery-report}, {@code read-report},
 *       {@code other});</li>
 *   <li>Message-ID, Transaction-ID, date, originator (see {@link MessageIdentity});</li>
 *   <li>entry, home;</li>
 *   <li>the path (list of RelayIds);</li>
 *   <li>hop limit, table version (decimal);</li>
 *   <li>charging;</li>
 *   <li>the recipients (list of canonical texts, in header order);</li>
 *   <li>issued-at (decimal seconds).</li>
 * </ol>
 *
 * Length prefixes make the encoding injective: no two different inputs give the same bytes,
 * whatever characters the texts contain. The signature field itself is not covered.
 */
public final class Canonical {

  private static final byte[] DOMAIN =
      "mmsstack-routing-signature-v1".getBytes(StandardCharsets.US_ASCII);

  private byte[] buf;
  private int len;

  private Canonical(int capacity) {
    buf = new byte[capacity];
  }

  /** The bytes to sign for these fields (signature ignored) and this identity. */
  public static byte[] encode(String keyId, RoutingFields f, MessageIdentity id) {
    Canonical c = new Canonical(256 + 24 * f.recipients().size() + 16 * f.path().size());
    c.item(DOMAIN);
    c.item(keyId);
    c.item(Integer.toString(f.version()));
    c.item(id.kind().token());
    c.item(id.messageId());
    c.item(id.transactionId());
    c.item(id.date());
    c.item(id.originator());
    c.item(f.entry().value());
    c.item(f.home().value());
    List<RelayId> path = f.path();
    c.item(Integer.toString(path.size()));
    for (RelayId r : path) {
      c.item(r.value());
    }
    c.item(Integer.toString(f.hopLimit()));
    c.item(Long.toString(f.tableVersion()));
    c.item(f.charging().value());
    List<Recipient> rs = f.recipients();
    c.item(Integer.toString(rs.size()));
    for (Recipient r : rs) {
      c.item(r.text());
    }
    c.item(Long.toString(f.issuedAt().getEpochSecond()));
    return c.len == c.buf.length ? c.buf : Arrays.copyOf(c.buf, c.len);
  }

  private void item(String s) {
    // Most texts are ASCII: write them directly, fall back to UTF-8 encoding otherwise.
    int n = s.length();
    boolean ascii = true;
    for (int i = 0; i < n && ascii; i++) {
      ascii = s.charAt(i) < 0x80;
    }
    if (!ascii) {
      item(s.getBytes(StandardCharsets.UTF_8));
      return;
    }
    ensure(4 + n);
    putLength(n);
    for (int i = 0; i < n; i++) {
      buf[len++] = (byte) s.charAt(i);
    }
  }

  private void item(byte[] b) {
    ensure(4 + b.length);
    putLength(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
  }

  private void putLength(int n) {
    buf[len++] = (byte) (n >>> 24);
    buf[len++] = (byte) (n >>> 16);
    buf[len++] = (byte) (n >>> 8);
    buf[len++] = (byte) n;
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }
}
