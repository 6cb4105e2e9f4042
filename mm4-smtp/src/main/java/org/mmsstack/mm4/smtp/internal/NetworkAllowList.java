package org.mmsstack.mm4.smtp.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** Address blocks in CIDR notation, matched against peer addresses. Immutable. */
public final class NetworkAllowList {
  private final List<Block> blocks;

  private NetworkAllowList(List<Block> blocks) {
    this.blocks = blocks;
  }

  private record Block(byte[] network, int prefix) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[full] & mask) == (network[full] & mask);
    }
  }

  /** A list of the given entries; an empty list allows every address. */
  public static NetworkAllowList of(List<String> entries) {
    List<Block> blocks = new ArrayList<>(entries.size());
    for (String e : entries) {
      blocks.add(parse(e));
    }
    return new NetworkAllowList(List.copyOf(blocks));
  }

  /**
   * Checks {@code address} or {@code address/prefix}; the address must be a literal.
   *
   * @throws IllegalArgumentException naming the entry when it is neither
   */
  public static void check(String entry) {
    parse(entry);
  }

  private static Block parse(String entry) {
    int slash = entry.indexOf('/');
    String host = slash < 0 ? entry : entry.substring(0, slash);
    if (host.isEmpty()
        || !(host.indexOf(':') >= 0
            || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9')))) {
      throw new IllegalArgumentException(
          "allowedNetworks: '" + entry + "' (expected: an IP address literal or CIDR block)");
    }
    byte[] network;
    try {
      network = InetAddress.getByName(host).getAddress(); // a literal: no name lookup happens
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          "allowedNetworks: '" + entry + "' (expected: an IP address literal or CIDR block)");
    }
    int prefix = network.length * 8;
    if (slash >= 0) {
      String bits = entry.substring(slash + 1);
      if (bits.isEmpty()
          || bits.length() > 3
          || !bits.chars().allMatch(c -> c >= '0' && c <= '9')
          || Integer.parseInt(bits) > network.length * 8) {
        throw new IllegalArgumentException(
            "allowedNetworks: '"
                + entry
                + "' (expected: prefix length 0 ~ "
                + network.length * 8
                + ")");
      }
      prefix = Integer.parseInt(bits);
    }
    return new Block(network, prefix);
  }

  /** Whether the list is empty (everything allowed) or a block contains {@code address}. */
  public boolean allows(InetAddress address) {
    if (blocks.isEmpty()) {
      return true;
    }
    byte[] raw = address.getAddress();
    for (Block b : blocks) {
      if (b.contains(raw)) {
        return true;
      }
    }
    return false;
  }
}
