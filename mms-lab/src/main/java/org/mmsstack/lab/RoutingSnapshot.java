package org.mmsstack.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mmsstack.routing.KeyRing;
import org.mmsstack.routing.MessageIds;
import org.mmsstack.routing.RoutingVerifier;
import org.mmsstack.routing.table.RoutingTable;

/**
 * One version of the lab's routing data as one unit: the routing table, the key ring and the
 * Message-ID secrets (first = current, the rest still accepted). Immutable and thread-safe; the
 * secrets are copied in and out.
 */
public final class RoutingSnapshot {

  private final RoutingTable table;
  private final KeyRing keyRing;
  private final List<byte[]> secrets;

  private RoutingSnapshot(RoutingTable table, KeyRing keyRing, List<byte[]> secrets) {
    this.table = table;
    this.keyRing = keyRing;
    this.secrets = secrets;
  }

  /**
   * A snapshot.
   *
   * @throws IllegalArgumentException when {@code secrets} is empty
   */
  public static RoutingSnapshot of(RoutingTable table, KeyRing keyRing, List<byte[]> secrets) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(keyRing, "keyRing");
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("secrets: at least one Message-ID secret is needed");
    }
    List<byte[]> copy = new ArrayList<>(secrets.size());
    for (byte[] s : secrets) {
      copy.add(s.clone());
    }
    return new RoutingSnapshot(table, keyRing, List.copyOf(copy));
  }

  /** The version number (the table's). */
  public long version() {
    return table.version().number();
  }

  public RoutingTable table() {
    return table;
  }

  public KeyRing keyRing() {
    return keyRing;
  }

  /** The Message-ID secrets, current first (copies). */
  public List<byte[]> secrets() {
    List<byte[]> out = new ArrayList<>(secrets.size());
    for (byte[] s : secrets) {
      out.add(s.clone());
    }
    return out;
  }

  MessageIds messageIds() {
    return MessageIds.withKeys(
        secrets.get(0), secrets.subList(1, secrets.size()).toArray(new byte[0][]));
  }

  RoutingVerifier verifier() {
    return RoutingVerifier.of(keyRing);
  }
}
