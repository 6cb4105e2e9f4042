package org.mmsstack.cli.capture;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IP address and port as text; value equality makes it usable as a map key. */
record Endpoint(String host, int port) {

  static String host(byte[] b, int off, int len) {
    if (len == 4) {
      return (b[off] & 0xFF) + "." + (b[off + 1] & 0xFF) + "." + (b[off + 2] & 0xFF) + "."
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

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
