package org.mmsstack.routing.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.mmsstack.routing.KeyRing;
import org.mmsstack.routing.KeyRingCodec;
import org.mmsstack.routing.MessageIds;
import org.mmsstack.routing.Provisional;
import org.mmsstack.routing.table.RoutingTable;
import org.mmsstack.routing.table.RoutingTableCodec;
import org.mmsstack.routing.table.TableVersion;

/**
 * One version of an MMSE's routing data, the unit that is published and installed as a whole:
 * the routing table, the key ring and the Message-ID secrets. Its version is the table's {@link
 * TableVersion}; its {@link #digest()} is the SHA-256 of the canonical encoding of the three
 * parts ({@link RoutingDataCodec}), so two units with the same digest route, verify and mint
 * alike whatever comments or layout their source files had.
 *
 * <p>Immutable and thread-safe. It owns copies of everything (the parts are immutable).
 */
@Provisional
public final class RoutingData {

  private final RoutingTable table;
  private final KeyRing keyRing;
  private final MessageIdSecrets secrets;
  private final byte[] canonical;
  private final String digest;

  private RoutingData(
      RoutingTable table, KeyRing keyRing, MessageIdSecrets secrets, byte[] canonical) {
    this.table = table;
    this.keyRing = keyRing;
    this.secrets = secrets;
    this.canonical = canonical;
    this.digest = digestOf(canonical);
  }

  /**
   * The unit of these three parts. Does not validate them against each other: see {@link
   * RoutingDataValidator} (publishers do).
   */
  public static RoutingData of(RoutingTable table, KeyRing keyRing, MessageIdSecrets secrets) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(keyRing, "keyRing");
    Objects.requireNonNull(secrets, "secrets");
    byte[] canonical =
        RoutingDataCodec.bundle(
            RoutingTableCodec.encode(table),
            KeyRingCodec.encode(keyRing),
            MessageIdSecretsCodec.encode(secrets));
    return new RoutingData(table, keyRing, secrets, canonical);
  }

  /** The table's version. */
  public TableVersion version() {
    return table.version();
  }

  /** The table's version number. */
  public long versionNumber() {
    return table.version().number();
  }

  /** The routing table. */
  public RoutingTable table() {
    return table;
  }

  /** The key ring. */
  public KeyRing keyRing() {
    return keyRing;
  }

  /** The Message-ID secrets. */
  public MessageIdSecrets secrets() {
    return secrets;
  }

  /** Same as {@code secrets().messageIds()}. */
  public MessageIds messageIds() {
    return secrets.messageIds();
  }

  /**
   * {@code sha256:} and 64 lower-case hex digits: the SHA-256 of the canonical bundle ({@link
   * RoutingDataCodec#encode}) without its digest line.
   */
  public String digest() {
    return digest;
  }

  /** Whether {@code other} has the same content (the same digest). */
  public boolean sameContentAs(RoutingData other) {
    return digest.equals(other.digest);
  }

  /** The canonical content the digest is computed over; not copied, package use only. */
  byte[] canonicalContent() {
    return canonical;
  }

  static String digestOf(byte[] canonical) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return "sha256:" + HexFormat.of().formatHex(md.digest(canonical));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /** Equal when the contents are equal (same digest). */
  @Override
  public boolean equals(Object o) {
    return o instanceof RoutingData d && d.digest.equals(digest);
  }

  @Override
  public int hashCode() {
    return digest.hashCode();
  }

  /** {@code RoutingData[version 42 (2026-11-25), 3 keys, 2 secrets, sha256:0a1b2c3d…]}. */
  @Override
  public String toString() {
    return "RoutingData[version "
        + table.version()
        + ", "
        + keyRing.keys().size()
        + " keys, "
        + secrets.size()
        + " secrets, "
        + digest.substring(0, "sha256:".length() + 16)
        + "…]";
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
