package org.mmsstack.capture;

import java.util.HashSet;
import java.util.Set;

/**
 * Peels link, IP and transport headers off a frame and hands TCP segments and UDP datagrams on.
 * Checksums are not verified: captures taken on the sending host routinely carry wrong ones
 * (checksum offload).
 */
final class PacketDecoder {
  /** Receives decoded transport payloads. Slices are only valid during the call. */
  interface Sink {
    void tcp(Frame f, Endpoint src, Endpoint dst, long seq, int flags, byte[] d, int from, int to);

    void udp(Frame f, Endpoint src, Endpoint dst, byte[] d, int from, int to);
  }

  static final int LINKTYPE_NULL = 0;
  static final int LINKTYPE_ETHERNET = 1;
  static final int LINKTYPE_RAW_12 = 12;
  static final int LINKTYPE_RAW_14 = 14;
  static final int LINKTYPE_RAW = 101;
  static final int LINKTYPE_LOOP = 108;
  static final int LINKTYPE_LINUX_SLL = 113;
  static final int LINKTYPE_IPV4 = 228;
  static final int LINKTYPE_IPV6 = 229;
  static final int LINKTYPE_LINUX_SLL2 = 276;

  private static final int MAX_EXTENSION_HEADERS = 16;

  /** GTP-U inside GTP-U is not a deployment anyone runs; one level keeps hostile nesting cheap. */
  private static final int MAX_TUNNEL_DEPTH = 1;

  private static final int GTP_G_PDU = 0xFF;

  private int tunnelDepth;

  private final Extraction x;
  private final Sink sink;
  private final IpFragments fragments;
  private final Set<Integer> reportedLinkTypes = new HashSet<>();

  // A capture names few hosts and connections, each in every frame: the text of recently seen
  // IPv4 addresses and recent endpoints are kept in small direct-mapped tables rather than built
  // twice per frame (a table slot is simply overwritten; memory does not grow).
  private static final int CACHE = 1024;
  private final int[] v4Addresses = new int[CACHE];
  private final String[] v4Texts = new String[CACHE];
  private final Endpoint[] endpoints = new Endpoint[CACHE];

  /** The dotted-decimal text of the IPv4 address at {@code off}. */
  private String host4(byte[] d, int off) {
    int a =
        (d[off] & 0xFF) << 24
            | (d[off + 1] & 0xFF) << 16
            | (d[off + 2] & 0xFF) << 8
            | (d[off + 3] & 0xFF);
    int slot = (a ^ (a >>> 10) ^ (a >>> 20)) & (CACHE - 1);
    String t = v4Texts[slot];
    if (t == null || v4Addresses[slot] != a) {
      t = Endpoint.host(d, off, 4);
      v4Texts[slot] = t;
      v4Addresses[slot] = a;
    }
    return t;
  }

  /** An endpoint equal to {@code new Endpoint(host, port)}, the same instance when recently seen. */
  private Endpoint endpoint(String host, int port) {
    int slot = (host.hashCode() * 31 + port) & (CACHE - 1);
    Endpoint e = endpoints[slot];
    if (e == null || e.port() != port || !e.host().equals(host)) {
      e = new Endpoint(host, port);
      endpoints[slot] = e;
    }
    return e;
  }

  PacketDecoder(Extraction x, Sink sink) {
    this.x = x;
    this.sink = sink;
    this.fragments = new IpFragments(x);
  }

  void decode(Frame f) {
    byte[] d = f.data();
    int n = f.length();
    switch (f.linkType()) {
      case LINKTYPE_NULL:
      case LINKTYPE_LOOP:
        {
          if (n < 4) {
            malformed(f, "loopback header shorter than 4 octets");
            return;
          }
          // The family is in the capturing host's byte order; families are small numbers.
          long family =
              d[0] == 0 && d[1] == 0 ? CaptureInput.u32(d, 0, false) : CaptureInput.u32(d, 0, true);
          if (family == 2 || family == 10 || family == 24 || family == 28 || family == 30) {
            ip(f, d, 4);
          } else {
            x.undecodedFrames++;
          }
          return;
        }
      case LINKTYPE_ETHERNET:
        {
          if (n < 14) {
            malformed(f, "Ethernet header shorter than 14 octets");
            return;
          }
          int off = 12;
          int type = CaptureInput.u16(d, off, false);
          // 802.1Q, 802.1ad and the old QinQ tag: 4 octets each, possibly stacked.
          while ((type == 0x8100 || type == 0x88A8 || type == 0x9100) && off + 6 <= n) {
            off += 4;
            type = CaptureInput.u16(d, off, false);
          }
          etherType(f, type, d, off + 2);
          return;
        }
      case LINKTYPE_RAW_12:
      case LINKTYPE_RAW_14:
      case LINKTYPE_RAW:
      case LINKTYPE_IPV4:
      case LINKTYPE_IPV6:
        ip(f, d, 0);
        return;
      case LINKTYPE_LINUX_SLL:
        if (n < 16) {
          malformed(f, "Linux cooked header shorter than 16 octets");
          return;
        }
        etherType(f, CaptureInput.u16(d, 14, false), d, 16);
        return;
      case LINKTYPE_LINUX_SLL2:
        if (n < 20) {
          malformed(f, "Linux cooked v2 header shorter than 20 octets");
          return;
        }
        etherType(f, CaptureInput.u16(d, 0, false), d, 20);
        return;
      default:
        x.undecodedFrames++;
        if (reportedLinkTypes.add(f.linkType())) {
          x.finding(
              CaptureFindingCodes.UNSUPPORTED_LINK_TYPE,
              f,
              "link type " + f.linkType() + " is not decoded; its frames are skipped");
        }
    }
  }

  void finish() {
    fragments.finish();
  }

  private void etherType(Frame f, int type, byte[] d, int off) {
    if (type == 0x0800 || type == 0x86DD) {
      ip(f, d, off);
    } else {
      x.undecodedFrames++;
    }
  }

  private void malformed(Frame f, String detail) {
    x.undecodedFrames++;
    x.finding(CaptureFindingCodes.MALFORMED_PACKET, f, detail);
  }

  private void ip(Frame f, byte[] d, int off) {
    ip(f, d, off, f.length());
  }

  /** The IP packet at {@code d[off]}, whose capture ends at {@code limit}. */
  private void ip(Frame f, byte[] d, int off, int limit) {
    if (off >= limit) {
      malformed(f, "no IP header after the link header");
      return;
    }
    int version = (d[off] & 0xFF) >> 4;
    if (version == 4) {
      ipv4(f, d, off, limit);
    } else if (version == 6) {
      ipv6(f, d, off, limit);
    } else {
      malformed(f, "IP version " + version);
    }
  }

  /**
   * Unwraps a GTP-U G-PDU (3GPP TS 29.281 §5): version 1, protocol type GTP, message type 255;
   * the optional sequence number, N-PDU number and extension headers are skipped; the inner IP
   * packet (the user's traffic on S1-U, S5/S8 or Gn) is decoded like any other. Other GTP-U
   * messages (echo, error indication, end marker) carry no user traffic.
   */
  private void gtpU(Frame f, byte[] d, int p, int end) {
    if (end - p < 8) {
      malformed(f, "GTP-U header shorter than 8 octets");
      return;
    }
    int flags = d[p] & 0xFF;
    if ((flags >> 5) != 1 || (flags & 0x10) == 0) {
      malformed(
          f,
          "GTP-U header with version "
              + (flags >> 5)
              + " and protocol type "
              + ((flags >> 4) & 1)
              + " (expected 1 and 1)");
      return;
    }
    if ((d[p + 1] & 0xFF) != GTP_G_PDU) {
      x.undecodedFrames++;
      return;
    }
    int length = CaptureInput.u16(d, p + 2, false);
    int stop = Math.min(end, p + 8 + length);
    int q = p + 8;
    if ((flags & 0x07) != 0) {
      if (stop - q < 4) {
        malformed(f, "GTP-U optional fields run past the packet");
        return;
      }
      int next = (flags & 0x04) != 0 ? d[q + 3] & 0xFF : 0;
      q += 4;
      for (int i = 0; next != 0; i++) {
        if (i >= MAX_EXTENSION_HEADERS || q >= stop) {
          malformed(f, "GTP-U extension headers run past the packet");
          return;
        }
        int units = d[q] & 0xFF;
        if (units == 0 || q + units * 4 > stop) {
          malformed(f, "GTP-U extension header of length " + units + " does not fit");
          return;
        }
        q += units * 4;
        next = d[q - 1] & 0xFF;
      }
    }
    if (tunnelDepth >= MAX_TUNNEL_DEPTH) {
      malformed(f, "GTP-U tunnel inside a GTP-U tunnel");
      return;
    }
    if (q >= stop) {
      x.undecodedFrames++;
      return;
    }
    tunnelDepth++;
    try {
      ip(f, d, q, stop);
    } finally {
      tunnelDepth--;
    }
  }

  private void ipv4(Frame f, byte[] d, int off, int limit) {
    int len = limit - off;
    if (len < 20) {
      malformed(f, "IPv4 header shorter than 20 octets");
      return;
    }
    int ihl = (d[off] & 0x0F) * 4;
    int total = CaptureInput.u16(d, off + 2, false);
    if (ihl < 20 || ihl > len || total < ihl) {
      malformed(f, "IPv4 header length " + ihl + " / total length " + total + " inconsistent");
      return;
    }
    int end = off + total;
    boolean cut = false;
    if (total > len) {
      cut = true;
      end = limit;
      x.finding(
          CaptureFindingCodes.PACKET_TRUNCATED,
          f,
          "IPv4 packet of " + total + " octets captured with " + len);
    }
    int proto = d[off + 9] & 0xFF;
    String src = host4(d, off + 12);
    String dst = host4(d, off + 16);
    int ff = CaptureInput.u16(d, off + 6, false);
    boolean more = (ff & 0x2000) != 0;
    int fragOff = (ff & 0x1FFF) * 8;
    if (more || fragOff > 0) {
      if (cut) {
        return;
      }
      String key = "4|" + src + "|" + dst + "|" + proto + "|" + CaptureInput.u16(d, off + 4, false);
      byte[] whole = fragments.add(key, fragOff, more, d, off + ihl, end, f);
      if (whole != null) {
        transport(f, proto, src, dst, whole, 0, whole.length);
      }
      return;
    }
    transport(f, proto, src, dst, d, off + ihl, end);
  }

  private void ipv6(Frame f, byte[] d, int off, int limit) {
    int len = limit - off;
    if (len < 40) {
      malformed(f, "IPv6 header shorter than 40 octets");
      return;
    }
    int payloadLen = CaptureInput.u16(d, off + 4, false);
    int end = off + 40 + payloadLen;
    if (payloadLen == 0) {
      end = limit; // jumbogram or unknown: take what is there
    } else if (end > limit) {
      x.finding(
          CaptureFindingCodes.PACKET_TRUNCATED,
          f,
          "IPv6 packet of " + (40 + payloadLen) + " octets captured with " + len);
      end = limit;
    }
    String src = Endpoint.host(d, off + 8, 16);
    String dst = Endpoint.host(d, off + 24, 16);
    ipv6Payload(f, d[off + 6] & 0xFF, d, off + 40, end, src, dst, 0);
  }

  private void ipv6Payload(
      Frame f, int next, byte[] d, int p, int end, String src, String dst, int depth) {
    for (int i = 0; i < MAX_EXTENSION_HEADERS; i++) {
      switch (next) {
        case 0: // hop-by-hop
        case 43: // routing
        case 60: // destination options
        case 135: // mobility
        case 139: // HIP
        case 140: // shim6
          {
            if (p + 8 > end) {
              malformed(f, "IPv6 extension header " + next + " runs past the packet");
              return;
            }
            int nh = d[p] & 0xFF;
            p += ((d[p + 1] & 0xFF) + 1) * 8;
            next = nh;
            continue;
          }
        case 51: // authentication header: length in 4-octet units, minus 2
          {
            if (p + 8 > end) {
              malformed(f, "IPv6 authentication header runs past the packet");
              return;
            }
            int nh = d[p] & 0xFF;
            p += ((d[p + 1] & 0xFF) + 2) * 4;
            next = nh;
            continue;
          }
        case 44: // fragment
          {
            if (p + 8 > end) {
              malformed(f, "IPv6 fragment header runs past the packet");
              return;
            }
            int nh = d[p] & 0xFF;
            int fo = CaptureInput.u16(d, p + 2, false);
            long id = CaptureInput.u32(d, p + 4, false);
            p += 8;
            int fragOff = fo & 0xFFF8;
            boolean more = (fo & 1) != 0;
            if (fragOff == 0 && !more) {
              next = nh; // atomic fragment
              continue;
            }
            if (depth > 0) {
              malformed(f, "IPv6 fragment header inside a reassembled datagram");
              return;
            }
            byte[] whole =
                fragments.add("6|" + src + "|" + dst + "|" + id, fragOff, more, d, p, end, f);
            if (whole != null) {
              ipv6Payload(f, nh, whole, 0, whole.length, src, dst, depth + 1);
            }
            return;
          }
        case 59: // no next header
          return;
        default:
          if (p > end) {
            malformed(f, "IPv6 extension headers run past the packet");
            return;
          }
          transport(f, next, src, dst, d, p, end);
          return;
      }
    }
    malformed(f, "more than " + MAX_EXTENSION_HEADERS + " IPv6 extension headers");
  }

  private void transport(Frame f, int proto, String src, String dst, byte[] d, int p, int end) {
    if (proto == 6) {
      if (end - p < 20) {
        malformed(f, "TCP header shorter than 20 octets");
        return;
      }
      int dataOff = ((d[p + 12] & 0xFF) >> 4) * 4;
      if (dataOff < 20 || dataOff > end - p) {
        malformed(f, "TCP data offset " + dataOff + " does not fit the segment");
        return;
      }
      sink.tcp(
          f,
          endpoint(src, CaptureInput.u16(d, p, false)),
          endpoint(dst, CaptureInput.u16(d, p + 2, false)),
          CaptureInput.u32(d, p + 4, false),
          d[p + 13] & 0xFF,
          d,
          p + dataOff,
          end);
    } else if (proto == 17) {
      if (end - p < 8) {
        malformed(f, "UDP header shorter than 8 octets");
        return;
      }
      int ulen = CaptureInput.u16(d, p + 4, false);
      int stop = end;
      if (ulen >= 8 && p + ulen <= end) {
        stop = p + ulen; // trailing octets are link padding
      } else if (ulen >= 8) {
        x.finding(
            CaptureFindingCodes.PACKET_TRUNCATED,
            f,
            "UDP datagram of " + ulen + " octets captured with " + (end - p));
      }
      int sport = CaptureInput.u16(d, p, false);
      int dport = CaptureInput.u16(d, p + 2, false);
      if (sport == CaptureReader.PORT_GTP_U || dport == CaptureReader.PORT_GTP_U) {
        gtpU(f, d, p + 8, stop);
        return;
      }
      sink.udp(f, endpoint(src, sport), endpoint(dst, dport), d, p + 8, stop);
    } else {
      x.undecodedFrames++;
    }
  }
}
