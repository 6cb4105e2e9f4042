package org.mmsstack.mm4.mime;

import java.util.ArrayList;
import java.util.List;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.Severity;
import org.mmsstack.mm4.Mm4Config;
import org.mmsstack.mm4.Mm4FormatException;
import org.mmsstack.mm4.internal.mime.ParseContext;
import org.mmsstack.mm4.internal.mime.TransferDecoding;

/**
 * The data of a parsed leaf whose transfer encoding had to be undone (base64, quoted-printable,
 * or 7bit/8bit text stored with LF line ends): located at parse time, decoded on the first read.
 *
 * <p>Usually the parse also checked it: every finding was reported and the decoded size is
 * fixed, so decoding later cannot fail and needs no context. When the configuration defers the
 * check ({@link Mm4Config#checkBodies()} off), the first read decodes and validates in one pass
 * if the body is in the canonical form every encoder writes, and otherwise decodes what it can;
 * the check itself runs when its findings are asked for ({@link #findings()}) or when the writer
 * needs to know whether the body's line ends allow it to be written back as it came.
 *
 * <p>Thread-safe: two threads reading at once may both decode or check, and both get equal
 * results; what the volatile fields publish is never changed after it is stored.
 */
final class LazyData {

  enum Kind {
    BASE64,
    QUOTED_PRINTABLE,
    LINE_FEEDS_TO_CRLF
  }

  /** The outcome of a deferred check. */
  private static final class Check {
    static final Check CLEAN = new Check(List.of(), null, false);

    final List<Finding> findings;
    final Mm4FormatException error;
    final boolean bareLineFeed;

    Check(List<Finding> findings, Mm4FormatException error, boolean bareLineFeed) {
      this.findings = findings;
      this.error = error;
      this.bareLineFeed = bareLineFeed;
    }
  }

  private final byte[] buf;
  private final int from;
  private final int to;
  private final Kind kind;
  private final int size; // -1 while a deferred check has not run
  // For a deferred check: where offsets count from, and the configuration; null config otherwise.
  private final int base;
  private final Mm4Config config;
  private volatile byte[] decoded;
  private volatile Check check;

  /** Data the parse checked: {@code size} is the decoded size the check returned. */
  LazyData(byte[] buf, int from, int to, Kind kind, int size) {
    this(buf, from, to, kind, size, 0, null);
  }

  private LazyData(byte[] buf, int from, int to, Kind kind, int size, int base, Mm4Config config) {
    this.buf = buf;
    this.from = from;
    this.to = to;
    this.kind = kind;
    this.size = size;
    this.base = base;
    this.config = config;
  }

  /**
   * Base64 or quoted-printable data the parse did not check; it is checked when read, with
   * offsets and lines counted from {@code base} as the parse counts them.
   */
  static LazyData deferred(byte[] buf, int from, int to, Kind kind, int base, Mm4Config config) {
    return new LazyData(buf, from, to, kind, -1, base, config);
  }

  /** @return the decoded size: known without decoding when the parse checked the data */
  int size() {
    return config == null ? size : get().length;
  }

  /** @return the decoded data, exactly {@link #size()} octets; not to be modified */
  byte[] get() {
    byte[] d = decoded;
    if (d == null) {
      if (config == null) {
        d =
            switch (kind) {
              case BASE64 -> TransferDecoding.decodeBase64(buf, from, to, size);
              case QUOTED_PRINTABLE -> TransferDecoding.decodeQuotedPrintable(buf, from, to, size);
              case LINE_FEEDS_TO_CRLF -> crlf(buf, from, to, size);
            };
      } else if (kind == Kind.BASE64) {
        // One pass: canonical base64 is decoded and validated together; a body that passes needs
        // no further check. Anything else is decoded as far as it goes, and checked on demand.
        d = TransferDecoding.decodeCanonicalBase64(buf, from, to);
        if (d != null) {
          if (check == null) {
            check = Check.CLEAN;
          }
        } else {
          d = TransferDecoding.decodeBase64Tolerant(buf, from, to);
        }
      } else {
        d = TransferDecoding.decodeQuotedPrintableTolerant(buf, from, to);
      }
      decoded = d;
    }
    return d;
  }

  /**
   * The findings of the deferred check, running it if it has not run; empty when the parse
   * checked the data (its findings are the message's).
   *
   * @throws Mm4FormatException in strict mode at the first ERROR finding, and in any mode when
   *     the data cannot be decoded (as the parse would have thrown)
   */
  List<Finding> findings() throws Mm4FormatException {
    if (config == null) {
      return List.of();
    }
    Check c = check();
    if (c.error != null) {
      throw c.error;
    }
    return c.findings;
  }

  /**
   * Every finding of the deferred check as a lenient check reports them, whatever the
   * configuration's strictness, and last, for data that cannot be decoded, the exception that
   * stops the check as an ERROR finding of its reason's code; empty when the parse checked the
   * data. For validators, which report everything and never throw. A strict configuration's check
   * is run again leniently (not kept: validating is not the hot path).
   */
  List<Finding> allFindings() {
    if (config == null) {
      return List.of();
    }
    Check c = config.strict() ? run(config.toBuilder().strict(false).build()) : check();
    if (c.error == null) {
      return c.findings;
    }
    List<Finding> all = new ArrayList<>(c.findings.size() + 1);
    all.addAll(c.findings);
    Mm4FormatException e = c.error;
    all.add(
        Finding.ofLine(
            Severity.ERROR,
            e.reason().code(),
            Math.max(e.line(), Finding.NO_LINE),
            Finding.NO_COLUMN,
            Math.max(e.offset(), Finding.NO_OFFSET),
            e.header().orElse(null),
            e.detail()));
    return all;
  }

  /**
   * Whether every line of the data ends in CRLF, so the encoded body may be written back as it
   * came: always so for data the parse checked (it keeps no raw body otherwise).
   */
  boolean lineEndsCanonical() {
    return config == null || !check().bareLineFeed;
  }

  private Check check() {
    Check c = check;
    if (c != null) {
      return c;
    }
    c = run(config);
    check = c;
    return c;
  }

  /** Runs the check under {@code cfg}, keeping nothing. */
  private Check run(Mm4Config cfg) {
    ParseContext ctx = new ParseContext(buf, base, cfg);
    Mm4FormatException error = null;
    boolean[] bare = {false};
    try {
      if (kind == Kind.BASE64) {
        TransferDecoding.base64Size(ctx, from, to, bare);
      } else {
        TransferDecoding.quotedPrintableSize(ctx, from, to);
        bare[0] = MimeParser.hasBareLineFeed(buf, from, to);
      }
    } catch (Mm4FormatException e) {
      error = e;
      bare[0] = MimeParser.hasBareLineFeed(buf, from, to);
    }
    return new Check(ctx.findings(), error, bare[0]);
  }

  /** How many octets {@code [from, to)} holds once each LF without CR before it gets one. */
  static int crlfSize(byte[] b, int from, int to) {
    int extra = 0;
    for (int i = from; i < to; i++) {
      if (b[i] == '\n' && (i == from || b[i - 1] != '\r')) {
        extra++;
      }
    }
    return to - from + extra;
  }

  private static byte[] crlf(byte[] b, int from, int to, int size) {
    byte[] d = new byte[size];
    int n = 0;
    for (int i = from; i < to; i++) {
      if (b[i] == '\n' && (i == from || b[i - 1] != '\r')) {
        d[n++] = '\r';
      }
      d[n++] = b[i];
    }
    return d;
  }
}
