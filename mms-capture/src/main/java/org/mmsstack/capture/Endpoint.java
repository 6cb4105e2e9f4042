package org.mmsstack.capture;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * An IP address and port as text: an IPv4 address in dotted decimal, an IPv6 address in its
 * canonical text form between brackets.
 *
 * @param host the address as text (no name is ever looked up)
 * @param port the TCP or UDP port
 */
public record Endpoint(String host, int port) {

  /** Checks the arguments. */
  public Endpoint {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 0xFFFF) {
      throw new IllegalArgumentException("port: " + port + " (expected: 0 ~ 65535)");
    }
  }

  static String host(byte[] b, int off, int len) {
    if (len == 4) {
      return (b[off] & 0xFF)
          + "."
          + (b[off + 1] & 0xFF)
          + "."
          + (b[off + 2] & 0xFF)
          + "."
          + (b[off + 3] & 0xFF);
    }
    byte[] a = new byte[len];
    System.arraycopy(b, off, a, 0, len);
    try {
      // A literal address: no name lookup happens.
      return "[" + InetAddress.getByAddress(a).getHostAddress() + "]";
    } catch (UnknownHostException e) {
      throw new IllegalStateException("16-octet address refused", e);
    }
  }

  /** Same host text and port. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof Endpoint && port == ((Endpoint) o).port && host.equals(((Endpoint) o).host);
  }

  @Override
  public int hashCode() {
    return host.hashCode() * 31 + port;
  }

  /** {@code host:port}. */
  @Override
  public String toString() {
    return host + ":" + port;
  }
}
