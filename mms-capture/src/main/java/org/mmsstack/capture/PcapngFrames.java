package org.mmsstack.capture;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads pcapng files: Section Header Blocks (either byte order, several per file), Interface
 * Description Blocks (link type, snap length, if_tsresol, if_tsoffset), Enhanced, Simple and the
 * obsolete Packet Blocks; every other block is skipped by its length without being buffered.
 */
final class PcapngFrames implements FrameSource {
  static final int SHB = 0x0A0D0D0A;
  static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
  static final int IDB = 1;
  static final int OPB = 2;
  static final int SPB = 3;
  static final int EPB = 6;

  private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);
  private static final long MAX_SECOND = Instant.MAX.getEpochSecond();

  private record Iface(int linkType, long snapLen, boolean pow2, int resolution, long offsetSec) {}

  private final CaptureInput in;
  private final Extraction x;
  private final List<Iface> ifaces = new ArrayList<>();
  private boolean le;
  private boolean done;
  private long section;
  private final byte[] h = new byte[12];

  /** The frame buffer, reused: frames are handled one at a time. */
  private byte[] data = new byte[2048];

  PcapngFrames(CaptureInput in, Extraction x) {
    this.in = in;
    this.x = x;
  }

  @Override
  public Frame next() throws IOException {
    while (!done) {
      long at = in.position();
      int got = in.read(h, 0, 8);
      if (got == 0) {
        done = true;
        return null;
      }
      if (got < 8) {
        return stop(
            CaptureFindingCodes.TRUNCATED_CAPTURE, at, "block header has " + got + " of 8 octets");
      }
      int type = (int) CaptureInput.u32(h, 0, le);
      int consumed = 8;
      if ((int) CaptureInput.u32(h, 0, false) == SHB) {
        type = SHB;
        if (in.read(h, 8, 4) < 4) {
          return stop(
              CaptureFindingCodes.TRUNCATED_CAPTURE,
              at,
              "section header block ends before its byte-order magic");
        }
        int bom = (int) CaptureInput.u32(h, 8, false);
        if (bom == BYTE_ORDER_MAGIC) {
          le = false;
        } else if (Integer.reverseBytes(bom) == BYTE_ORDER_MAGIC) {
          le = true;
        } else {
          return stop(
              CaptureFindingCodes.MALFORMED_CAPTURE,
              at + 8,
              String.format(Locale.ROOT, "byte-order magic 0x%08X is not 0x1A2B3C4D", bom));
        }
        consumed = 12;
        section++;
        ifaces.clear();
      } else if (section == 0) {
        return stop(
            CaptureFindingCodes.MALFORMED_CAPTURE, at, "first block is not a section header block");
      }
      long len = CaptureInput.u32(h, 4, le);
      if (len < 12 + (type == SHB ? 16 : 0) || len % 4 != 0) {
        // Without a trustworthy length nothing says where the next block starts.
        return stop(
            CaptureFindingCodes.MALFORMED_CAPTURE,
            at + 4,
            "block total length " + len + " is invalid (block type " + type + ")");
      }
      long rest = len - consumed; // body after what was read, plus the 4-octet trailer
      boolean known = type == SHB || type == IDB || type == EPB || type == SPB || type == OPB;
      if (!known || len > x.config.maxBlockBytes()) {
        if (known && type != SHB) {
          if (type != IDB) {
            x.frames++;
          }
          x.finding(
              CaptureFindingCodes.MALFORMED_CAPTURE,
              type == IDB ? 0 : x.frames,
              at,
              "block of "
                  + len
                  + " octets exceeds maxBlockBytes "
                  + x.config.maxBlockBytes()
                  + "; skipped");
          if (type == IDB) {
            ifaces.add(null); // keep later interface ids aligned
          }
        } else if (type == SHB) {
          return stop(
              CaptureFindingCodes.MALFORMED_CAPTURE,
              at,
              "section header block of " + len + " octets exceeds maxBlockBytes");
        }
        long skipped = in.skip(rest);
        if (skipped < rest) {
          return stop(
              CaptureFindingCodes.TRUNCATED_CAPTURE,
              at,
              "block of " + len + " octets ends after " + (consumed + skipped));
        }
        continue;
      }
      int bodyLen = (int) rest - 4;
      byte[] body = new byte[bodyLen];
      int n = in.read(body, 0, bodyLen);
      if (n < bodyLen) {
        if (type == EPB || type == SPB || type == OPB) {
          x.frames++;
        }
        return stop(
            CaptureFindingCodes.TRUNCATED_CAPTURE,
            at,
            "block of " + len + " octets ends after " + (consumed + n));
      }
      boolean trailerMissing = in.read(h, 0, 4) < 4;
      if (!trailerMissing && CaptureInput.u32(h, 0, le) != len) {
        x.finding(
            CaptureFindingCodes.MALFORMED_CAPTURE,
            0,
            at + len - 4,
            "trailing block length " + CaptureInput.u32(h, 0, le) + " differs from " + len);
      }
      Frame f = block(type, body, at);
      if (trailerMissing) {
        done = true;
        x.finding(
            CaptureFindingCodes.TRUNCATED_CAPTURE,
            f == null ? 0 : f.number(),
            at + len - 4,
            "block ends before its trailing length");
      }
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  private Frame stop(String kind, long offset, String detail) {
    x.finding(kind, 0, offset, detail);
    done = true;
    return null;
  }

  /** Interprets one whole block; returns a frame for packet blocks that carry one. */
  private Frame block(int type, byte[] b, long at) {
    switch (type) {
      case SHB:
        if (CaptureInput.u16(b, 0, le) != 1) {
          x.finding(
              CaptureFindingCodes.MALFORMED_CAPTURE,
              0,
              at + 12,
              "section version "
                  + CaptureInput.u16(b, 0, le)
                  + "."
                  + CaptureInput.u16(b, 2, le)
                  + " is not 1.x; read as 1.0");
        }
        return null;
      case IDB:
        ifaces.add(interfaceBlock(b, at));
        return null;
      case EPB:
      case OPB:
        {
          long number = ++x.frames;
          if (b.length < 20) {
            x.finding(
                CaptureFindingCodes.MALFORMED_CAPTURE,
                number,
                at,
                "packet block body of " + b.length + " octets is shorter than 20");
            return null;
          }
          long ifId = type == EPB ? CaptureInput.u32(b, 0, le) : CaptureInput.u16(b, 0, le);
          long ts = CaptureInput.u32(b, 4, le) << 32 | CaptureInput.u32(b, 8, le);
          long cap = CaptureInput.u32(b, 12, le);
          long orig = CaptureInput.u32(b, 16, le);
          if (cap > b.length - 20) {
            x.finding(
                CaptureFindingCodes.MALFORMED_CAPTURE,
                number,
                at + 20,
                "captured length "
                    + cap
                    + " exceeds the block ("
                    + (b.length - 20)
                    + " octets); clamped");
            cap = b.length - 20;
          }
          Iface iface = iface(ifId, number, at);
          if (iface == null) {
            return null;
          }
          return frame(number, iface, ts, b, 20, (int) cap, orig, at);
        }
      case SPB:
        {
          long number = ++x.frames;
          if (b.length < 4) {
            x.finding(
                CaptureFindingCodes.MALFORMED_CAPTURE,
                number,
                at,
                "simple packet block body of " + b.length + " octets is shorter than 4");
            return null;
          }
          Iface iface = iface(0, number, at);
          if (iface == null) {
            return null;
          }
          long orig = CaptureInput.u32(b, 0, le);
          long cap = Math.min(orig, b.length - 4);
          if (iface.snapLen() > 0) {
            cap = Math.min(cap, iface.snapLen());
          }
          return frame(number, iface, -1, b, 4, (int) cap, orig, at);
        }
      default:
        return null;
    }
  }

  private Iface iface(long id, long number, long at) {
    if (id >= ifaces.size() || ifaces.get((int) id) == null) {
      x.finding(
          CaptureFindingCodes.MALFORMED_CAPTURE,
          number,
          at,
          "interface " + id + " is not described in section " + section + "; packet skipped");
      return null;
    }
    return ifaces.get((int) id);
  }

  private Frame frame(
      long number, Iface iface, long ts, byte[] b, int off, int cap, long orig, long at) {
    if (cap > x.config.maxFrameBytes()) {
      x.finding(
          CaptureFindingCodes.MALFORMED_CAPTURE,
          number,
          at,
          "packet of "
              + cap
              + " octets exceeds maxFrameBytes "
              + x.config.maxFrameBytes()
              + "; skipped");
      return null;
    }
    if (cap > data.length) {
      data = new byte[Math.max(cap, Math.min(2 * data.length, x.config.maxFrameBytes()))];
    }
    System.arraycopy(b, off, data, 0, cap);
    Instant time = ts == -1 && off == 4 ? null : timestamp(iface, ts); // a Simple Packet Block
    return new Frame(number, time, iface.linkType(), data, cap, orig, at, at + 8 + off);
  }

  private Iface interfaceBlock(byte[] b, long at) {
    if (b.length < 8) {
      x.finding(
          CaptureFindingCodes.MALFORMED_CAPTURE,
          0,
          at,
          "interface description block body of " + b.length + " octets is shorter than 8");
      return null;
    }
    int linkType = CaptureInput.u16(b, 0, le);
    long snap = CaptureInput.u32(b, 4, le);
    boolean pow2 = false;
    int resolution = 6;
    long offsetSec = 0;
    int p = 8;
    while (p + 4 <= b.length) {
      int code = CaptureInput.u16(b, p, le);
      int olen = CaptureInput.u16(b, p + 2, le);
      if (code == 0) {
        break;
      }
      if (p + 4 + olen > b.length) {
        x.finding(
            CaptureFindingCodes.MALFORMED_CAPTURE,
            0,
            at + 8 + p,
            "interface option " + code + " of " + olen + " octets runs past its block");
        break;
      }
      if (code == 9 && olen >= 1) { // if_tsresol
        int v = b[p + 4] & 0xFF;
        pow2 = (v & 0x80) != 0;
        resolution = v & 0x7F;
      } else if (code == 14 && olen >= 8) { // if_tsoffset, seconds
        offsetSec = CaptureInput.u32(b, p + 4, le) << 32 | CaptureInput.u32(b, p + 8, le);
        if (le) {
          offsetSec = CaptureInput.u32(b, p + 8, le) << 32 | CaptureInput.u32(b, p + 4, le);
        }
      }
      p += 4 + ((olen + 3) & ~3);
    }
    return new Iface(linkType, snap, pow2, resolution, offsetSec);
  }

  private static Instant timestamp(Iface iface, long ts) {
    long sec;
    long nanos;
    if (!iface.pow2() && iface.resolution() <= 9 && ts >= 0) {
      long unit = pow10(iface.resolution());
      sec = ts / unit;
      nanos = (ts % unit) * pow10(9 - iface.resolution());
    } else {
      BigInteger units =
          iface.pow2()
              ? BigInteger.ONE.shiftLeft(iface.resolution())
              : BigInteger.TEN.pow(iface.resolution());
      BigInteger[] qr = new BigInteger(Long.toUnsignedString(ts)).divideAndRemainder(units);
      if (qr[0].bitLength() > 62) {
        return Instant.MAX;
      }
      sec = qr[0].longValue();
      nanos = qr[1].multiply(NANOS_PER_SECOND).divide(units).longValue();
    }
    long s;
    try {
      s = Math.addExact(sec, iface.offsetSec());
    } catch (ArithmeticException e) {
      return iface.offsetSec() < 0 ? Instant.MIN : Instant.MAX;
    }
    if (s > MAX_SECOND) {
      return Instant.MAX;
    }
    if (s < Instant.MIN.getEpochSecond()) {
      return Instant.MIN;
    }
    return Instant.ofEpochSecond(s, nanos);
  }

  private static long pow10(int n) {
    long v = 1;
    for (int i = 0; i < n; i++) {
      v *= 10;
    }
    return v;
  }
}
