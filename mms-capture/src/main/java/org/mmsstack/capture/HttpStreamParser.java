package org.mmsstack.capture;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.mmsstack.encapsulation.value.MediaType;

/**
 * Parses the HTTP/1.x messages of one reassembled TCP direction incrementally (RFC 9112): several
 * messages per connection, Content-Length, chunked transfer coding with trailers, responses
 * without a body (HEAD, 1xx, 204, 304) and bodies delimited by the connection's close.
 *
 * <p>State survives between calls, so each octet is examined a bounded number of times however
 * the stream is segmented; consumed octets are dropped at once, so memory is the unfinished
 * message only.
 */
final class HttpStreamParser implements StreamParser {
  /** A request line, kept so that its response can be described and framed (HEAD). */
  record Request(String method, String target) {}

  private enum Mode {
    DETECT,
    REQUESTS,
    RESPONSES,
    IGNORE
  }

  private enum Body {
    NONE,
    LENGTH,
    CHUNKED,
    UNTIL_CLOSE
  }

  private static final byte[] EMPTY = new byte[0];
  private static final int SMALL_BUFFER = 4096;

  /**
   * The most a Content-Length body's array starts with before more of the body has arrived: a
   * header claiming {@code maxStreamBytes} after a few hundred octets costs this, not the claim.
   * Large enough that the usual MMS message (up to a few hundred kilobytes) is held in one array
   * of its exact length, so that honest traffic allocates no more than before.
   */
  static final int FIRST_BODY_BUFFER = 256 << 10;

  /** How much a body's array grows at a time: it holds at most this many times what arrived. */
  static final int BODY_GROWTH = 4;

  private static final int MAX_CHUNK_LINE = 4096;
  private static final int MAX_REQUEST_LINE = 8192;
  private static final java.util.regex.Pattern REQUEST_LINE =
      java.util.regex.Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+ \\S+ HTTP/[0-9]\\.[0-9]");

  private final Extraction x;
  private final Deque<Request> requests;
  private final Endpoint src;
  private final Endpoint dst;

  private byte[] buf = EMPTY;
  private int start;
  private int end;

  /** Octets fed so far: the stream offset just past {@code buf[end - 1]}. */
  private long fed;

  /** Stream offset of the body of the message under way. */
  private long bodyAt;

  private long needed;
  private Mode mode = Mode.DETECT;

  // The message under way, once its header section has been parsed.
  private boolean inBody;
  private Body body;
  private long contentLength;

  /** The message's one-line description, formatted only when a PDU or finding needs it. */
  private Supplier<String> description;

  private boolean mms;
  private String contentEncoding;
  private boolean isRequest;
  private byte[] chunks;
  private int chunksLen;

  /**
   * A Content-Length body being filled straight from the segments. Sized by what has arrived, not
   * by what the header declares: at first the declared length up to {@link #FIRST_BODY_BUFFER}
   * (or what already arrived, if more), then grown {@link #BODY_GROWTH} times as the body arrives,
   * never past the declared length, so that the complete body is this array itself, handed on
   * without a final copy.
   */
  private byte[] direct;

  private int directLen;
  private boolean inTrailers;
  private boolean switchAfter;

  HttpStreamParser(Extraction x, Deque<Request> requests, Endpoint src, Endpoint dst) {
    this.x = x;
    this.requests = requests;
    this.src = src;
    this.dst = dst;
  }

  /** Octets held by capacity: the unparsed stream buffer plus a chunked body being collected. */
  @Override
  public long buffered() {
    return buf.length + (chunks == null ? 0 : chunks.length) + (direct == null ? 0 : direct.length);
  }

  @Override
  public long live() {
    return (end - start) + chunksLen + directLen;
  }

  @Override
  public boolean ignoring() {
    return mode == Mode.IGNORE;
  }

  @Override
  public void feed(byte[] d, int from, int len, Frame f) {
    if (mode == Mode.IGNORE || len == 0) {
      return;
    }
    fed += len;
    if (direct != null) {
      int n = (int) Math.min(len, contentLength - directLen);
      if (directLen + n > direct.length) {
        direct = growDirect(directLen + n);
      }
      System.arraycopy(d, from, direct, directLen, n);
      directLen += n;
      if (directLen < contentLength) {
        return;
      }
      byte[] b = direct;
      direct = null;
      directLen = 0;
      emit(b, f);
      from += n;
      len -= n;
      if (len == 0 || mode == Mode.IGNORE) {
        return;
      }
    }
    if (end + len > buf.length) {
      int live = end - start;
      buf = ensure(buf, start, live + len);
      end = live;
      start = 0;
    }
    System.arraycopy(d, from, buf, end, len);
    end += len;
    parse(f, false);
    if (start == end) {
      // Idle streams hold no buffer: thousands of quiet flows must cost only their bookkeeping.
      start = 0;
      end = 0;
      if (buf.length > SMALL_BUFFER) {
        buf = EMPTY;
      }
    }
  }

  /**
   * A buffer of at least {@code want} octets holding {@code buf[start, start + live)} at 0 (the
   * caller sets the bounds): grown geometrically, so a stream costs amortised linear copying, and
   * sized to need at first, so that a flow with one octet holds a small array, not a page.
   */
  private byte[] ensure(byte[] b, int from, int want) {
    if (want <= b.length) {
      if (from > 0) {
        System.arraycopy(b, from, b, 0, end - from);
      }
      return b;
    }
    // The caller has checked the stream limit, so want is bounded by it.
    long grown = Math.min(2L * b.length, x.config.maxStreamBytes());
    int cap = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(Math.max(want, grown), 64));
    byte[] nb = new byte[cap];
    System.arraycopy(b, from, nb, 0, end - from);
    return nb;
  }

  /**
   * The body array grown to hold at least {@code want} octets: {@link #BODY_GROWTH} times its
   * size, or {@code want} if more, but never more than the declared length (the caller has checked
   * that against the stream limit), so a stream costs amortised linear copying and the last growth
   * ends at the length.
   */
  private byte[] growDirect(int want) {
    long cap = Math.min(contentLength, Math.max(want, (long) BODY_GROWTH * direct.length));
    byte[] nb = new byte[(int) cap];
    System.arraycopy(direct, 0, nb, 0, directLen);
    return nb;
  }

  @Override
  public void abandon() {
    mode = Mode.IGNORE;
    direct = null;
    directLen = 0;
    buf = EMPTY;
    start = 0;
    end = 0;
    chunks = null;
  }

  /**
   * The stream ended: {@code clean} when by FIN, false when the capture ended or a gap stopped
   * delivery. A body delimited by the close is emitted; an unfinished message is reported.
   */
  @Override
  public void close(Frame f, boolean clean, String why) {
    if (mode == Mode.IGNORE) {
      return;
    }
    parse(f, true);
    if (mode == Mode.IGNORE) {
      return;
    }
    if (inBody && body == Body.UNTIL_CLOSE) {
      byte[] b = new byte[end - start];
      System.arraycopy(buf, start, b, 0, b.length);
      if (!clean) {
        x.finding(
            CaptureFindingCodes.HTTP_INCOMPLETE,
            f,
            description.get()
                + ": body delimited by the connection's close, but "
                + why
                + "; "
                + b.length
                + " octets taken as the body");
      }
      emit(b, f);
    } else if (inBody) {
      long have = body == Body.CHUNKED ? chunksLen : end - start + directLen;
      x.finding(
          CaptureFindingCodes.HTTP_INCOMPLETE,
          f,
          description.get()
              + ": "
              + why
              + " after "
              + have
              + " body octets"
              + (body == Body.LENGTH ? " of " + contentLength : " (chunked)"));
    } else if (end > start) {
      x.finding(
          CaptureFindingCodes.HTTP_INCOMPLETE,
          f,
          "HTTP "
              + src
              + " -> "
              + dst
              + ": "
              + why
              + " inside a header section ("
              + (end - start)
              + " octets)");
    }
    abandon();
  }

  private void parse(Frame f, boolean eof) {
    while (mode != Mode.IGNORE) {
      int avail = end - start;
      if (!inBody) {
        // Stray line ends between messages are allowed before a request line (RFC 9112 §2.2).
        while (start < end && (buf[start] == '\r' || buf[start] == '\n')) {
          start++;
        }
        avail = end - start;
        if (avail == 0) {
          return;
        }
      }
      if (avail < needed && !eof) {
        return;
      }
      needed = 0;
      if (mode == Mode.DETECT && !detect(eof)) {
        return;
      }
      boolean progressed = inBody ? body(f) : header(f, eof);
      if (!progressed) {
        return;
      }
    }
  }

  /**
   * Decides from the first octets whether this direction carries HTTP at all: a status line
   * starts with "HTTP/"; a request line is {@code token SP target SP HTTP/n.n}. Other text
   * protocols (SMTP, for MM4) and binary ones (TLS) are counted and ignored, not reported.
   */
  private boolean detect(boolean eof) {
    int avail = end - start;
    if (avail < 5 && !eof) {
      needed = 5;
      return false;
    }
    if (startsWith("HTTP/")) {
      mode = Mode.RESPONSES;
      return true;
    }
    int scan = Math.min(avail, MAX_REQUEST_LINE);
    int eol = -1;
    boolean binary = false;
    for (int i = 0; i < scan; i++) {
      byte b = buf[start + i];
      if (b == '\n') {
        eol = i;
        break;
      }
      if (b < 0x20 && b != '\r' && b != '\t') {
        binary = true; // not a request line
        break;
      }
    }
    if (eol < 0 && !binary && avail < MAX_REQUEST_LINE && !eof) {
      needed = avail + 1;
      return false;
    }
    if (eol > 0) {
      String line = new String(buf, start, eol, StandardCharsets.ISO_8859_1).strip();
      if (REQUEST_LINE.matcher(line).matches()) {
        mode = Mode.REQUESTS;
        return true;
      }
    }
    x.nonHttpStreams++;
    abandon();
    return false;
  }

  private boolean startsWith(String s) {
    if (end - start < s.length()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (buf[start + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private void fail(Frame f, String kind, String detail) {
    x.finding(
        kind, f, "HTTP " + src + " -> " + dst + ": " + detail + "; rest of the stream ignored");
    abandon();
  }

  /**
   * Whether {@code s} is {@code min} to {@code max} decimal (or, with {@code hex}, hexadecimal)
   * digits: what a regular expression would say, without compiling one per HTTP message.
   */
  static boolean digits(String s, int min, int max, boolean hex) {
    int n = s.length();
    if (n < min || n > max) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Parses a header section if it is complete; returns whether anything was consumed. */
  private boolean header(Frame f, boolean eof) {
    int avail = end - start;
    int limit = Math.min(avail, x.config.maxHttpHeaderBytes() + 4);
    int hdrEnd = -1;
    int lineStart = start;
    for (int i = start; i < start + limit; i++) {
      if (buf[i] == '\n') {
        int content = i - lineStart;
        if (content == 0 || (content == 1 && buf[lineStart] == '\r')) {
          hdrEnd = i + 1;
          break;
        }
        lineStart = i + 1;
      }
    }
    if (hdrEnd < 0) {
      if (avail > x.config.maxHttpHeaderBytes()) {
        fail(
            f,
            CaptureFindingCodes.HTTP_MALFORMED,
            "header section exceeds maxHttpHeaderBytes " + x.config.maxHttpHeaderBytes());
      } else if (!eof) {
        needed = avail + 1;
      }
      return false;
    }
    String text = new String(buf, start, hdrEnd - start, StandardCharsets.ISO_8859_1);
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      if (l.isEmpty()) {
        continue;
      }
      if ((l.charAt(0) == ' ' || l.charAt(0) == '\t') && lines.size() > 1) {
        lines.set(lines.size() - 1, lines.get(lines.size() - 1) + " " + l.strip()); // obs-fold
      } else {
        lines.add(l);
      }
    }
    String first = lines.isEmpty() ? "" : lines.get(0);
    String contentType = null;
    contentEncoding = null;
    List<String> lengths = new ArrayList<>(1);
    String transferEncoding = null;
    for (int i = 1; i < lines.size(); i++) {
      String l = lines.get(i);
      int colon = l.indexOf(':');
      if (colon <= 0) {
        fail(
            f, CaptureFindingCodes.HTTP_MALFORMED, "header line without a colon: " + abbreviate(l));
        return false;
      }
      String name = l.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = l.substring(colon + 1).strip();
      switch (name) {
        case "content-type":
          if (contentType == null) {
            contentType = value;
          }
          break;
        case "content-length":
          for (String v : value.split(",")) {
            lengths.add(v.strip());
          }
          break;
        case "transfer-encoding":
          transferEncoding = transferEncoding == null ? value : transferEncoding + "," + value;
          break;
        case "content-encoding":
          contentEncoding = value;
          break;
        default:
          break;
      }
    }
    String[] parts = first.split(" ", 3);
    boolean noBody = false;
    isRequest = mode == Mode.REQUESTS;
    if (isRequest) {
      if (parts.length < 3 || !parts[2].startsWith("HTTP/")) {
        fail(f, CaptureFindingCodes.HTTP_MALFORMED, "bad request line: " + abbreviate(first));
        return false;
      }
      requests.addLast(new Request(parts[0], parts[1]));
      String method = parts[0];
      String target = parts[1];
      description = () -> "HTTP " + method + " " + target + " " + src + " -> " + dst;
    } else {
      if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !digits(parts[1], 3, 3, false)) {
        fail(f, CaptureFindingCodes.HTTP_MALFORMED, "bad status line: " + abbreviate(first));
        return false;
      }
      int code = Integer.parseInt(parts[1]);
      if (code >= 100 && code < 200) {
        start = hdrEnd; // interim response: its request still waits for the final one
        if (code == 101) {
          abandon(); // switching protocols: not HTTP/1.x any more
        }
        x.httpMessages++;
        return true;
      }
      Request req = requests.pollFirst();
      description =
          () ->
              "HTTP "
                  + code
                  + " response to "
                  + (req == null ? "an unseen request" : req.method() + " " + req.target())
                  + " "
                  + src
                  + " -> "
                  + dst;
      noBody = code == 204 || code == 304 || (req != null && req.method().equals("HEAD"));
      if (req != null && req.method().equals("CONNECT") && code < 300) {
        switchAfter = true;
        noBody = true;
      }
    }
    mms = contentType != null && isMmsType(contentType);
    start = hdrEnd;
    if (noBody) {
      body = Body.NONE;
    } else if (transferEncoding != null) {
      String[] codings = transferEncoding.split(",");
      if (codings[codings.length - 1].strip().equalsIgnoreCase("chunked")) {
        body = Body.CHUNKED;
        chunks = EMPTY;
        chunksLen = 0;
        inTrailers = false;
      } else if (isRequest) {
        fail(
            f,
            CaptureFindingCodes.HTTP_MALFORMED,
            "request with Transfer-Encoding not ending in chunked: " + transferEncoding);
        return false;
      } else {
        body = Body.UNTIL_CLOSE;
      }
    } else if (!lengths.isEmpty()) {
      long n = -1;
      for (String v : lengths) {
        if (!digits(v, 1, 18, false) || (n >= 0 && Long.parseLong(v) != n)) {
          fail(
              f,
              CaptureFindingCodes.HTTP_MALFORMED,
              "invalid or conflicting Content-Length " + lengths);
          return false;
        }
        n = Long.parseLong(v);
      }
      if (n > x.config.maxStreamBytes()) {
        fail(
            f,
            CaptureFindingCodes.STREAM_LIMIT_EXCEEDED,
            "Content-Length " + n + " exceeds maxStreamBytes " + x.config.maxStreamBytes());
        return false;
      }
      body = Body.LENGTH;
      contentLength = n;
    } else {
      body = isRequest ? Body.NONE : Body.UNTIL_CLOSE;
    }
    inBody = true;
    bodyAt = fed - (end - start);
    return true;
  }

  static boolean isMmsType(String contentType) {
    int semi = contentType.indexOf(';');
    String media = (semi < 0 ? contentType : contentType.substring(0, semi)).strip();
    return media.equalsIgnoreCase(MediaType.MMS_MESSAGE.name());
  }

  /** Advances the body; returns whether the message completed. */
  private boolean body(Frame f) {
    switch (body) {
      case NONE:
        emit(EMPTY, f);
        return true;
      case LENGTH:
        {
          if (direct != null) {
            return false; // being filled by feed
          }
          int have = end - start;
          if (have < contentLength) {
            // The rest of the body goes straight into its own array as it arrives; the array
            // grows with what arrives, so a length claimed but not sent costs nothing.
            direct = new byte[(int) Math.min(contentLength, Math.max(have, FIRST_BODY_BUFFER))];
            directLen = have;
            System.arraycopy(buf, start, direct, 0, directLen);
            start = end;
            return false;
          }
          byte[] b = new byte[(int) contentLength];
          System.arraycopy(buf, start, b, 0, b.length);
          start += b.length;
          emit(b, f);
          return true;
        }
      case CHUNKED:
        return chunked(f);
      default:
        return false; // until close: close() emits it
    }
  }

  /** Consumes whole chunks as they arrive (RFC 9112 §7.1); returns whether the body completed. */
  private boolean chunked(Frame f) {
    while (true) {
      int eol = -1;
      for (int i = start; i < end && i - start <= MAX_CHUNK_LINE; i++) {
        if (buf[i] == '\n') {
          eol = i;
          break;
        }
      }
      if (eol < 0) {
        if (end - start > MAX_CHUNK_LINE) {
          fail(f, CaptureFindingCodes.HTTP_MALFORMED, "chunk-size or trailer line too long");
        } else {
          needed = end - start + 1;
        }
        return false;
      }
      String line = new String(buf, start, eol - start, StandardCharsets.ISO_8859_1).strip();
      if (inTrailers) {
        start = eol + 1;
        if (line.isEmpty()) {
          byte[] b = java.util.Arrays.copyOf(chunks, chunksLen);
          chunks = null;
          emit(b, f);
          return true;
        }
        continue;
      }
      int semi = line.indexOf(';');
      String hex = (semi < 0 ? line : line.substring(0, semi)).strip();
      if (!digits(hex, 1, 15, true)) {
        fail(f, CaptureFindingCodes.HTTP_MALFORMED, "bad chunk size: " + abbreviate(line));
        return false;
      }
      long size = Long.parseLong(hex, 16);
      if (size == 0) {
        start = eol + 1;
        inTrailers = true;
        continue;
      }
      if (chunksLen + size > x.config.maxStreamBytes()) {
        fail(
            f,
            CaptureFindingCodes.STREAM_LIMIT_EXCEEDED,
            "chunked body exceeds maxStreamBytes " + x.config.maxStreamBytes());
        return false;
      }
      long dataStart = eol + 1;
      long have = end - dataStart;
      if (have < size + 1) {
        needed = dataStart - start + size + 1;
        return false;
      }
      int p = (int) (dataStart + size);
      int after;
      if (buf[p] == '\n') {
        after = p + 1;
      } else if (buf[p] == '\r') {
        if (p + 1 >= end) {
          needed = p + 2 - start;
          return false;
        }
        if (buf[p + 1] != '\n') {
          fail(f, CaptureFindingCodes.HTTP_MALFORMED, "chunk data not followed by CRLF");
          return false;
        }
        after = p + 2;
      } else {
        fail(f, CaptureFindingCodes.HTTP_MALFORMED, "chunk data not followed by CRLF");
        return false;
      }
      if (chunksLen + size > chunks.length) {
        long cap =
            Math.min(x.config.maxStreamBytes(), Math.max(chunksLen + size, 2L * chunks.length));
        chunks = java.util.Arrays.copyOf(chunks, (int) cap);
      }
      System.arraycopy(buf, (int) dataStart, chunks, chunksLen, (int) size);
      chunksLen += (int) size;
      start = after;
    }
  }

  private void emit(byte[] b, Frame f) {
    inBody = false;
    x.httpMessages++;
    if (mms) {
      if (contentEncoding != null && !contentEncoding.equalsIgnoreCase("identity")) {
        x.finding(
            CaptureFindingCodes.HTTP_CONTENT_ENCODING,
            f,
            description.get()
                + ": Content-Encoding "
                + contentEncoding
                + " not undone; body reported as sent");
      }
      x.pdu(
          new CapturedPdu(
              f.number(),
              f.timestamp(),
              CapturedPdu.Transport.HTTP,
              CapturedPdu.Kind.MMS_PDU,
              Optional.of(src),
              Optional.of(dst),
              description,
              bodyAt,
              b,
              Optional.empty()));
    } else if (b.length > 0) {
      x.nonMmsHttpBodies++;
    }
    if (switchAfter) {
      abandon();
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }
}
