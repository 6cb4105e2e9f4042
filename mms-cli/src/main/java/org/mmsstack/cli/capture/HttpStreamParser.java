package org.mmsstack.cli.capture;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses the HTTP/1.x messages of one reassembled TCP direction incrementally (RFC 9112): several
 * messages per connection, Content-Length, chunked transfer coding with trailers, responses
 * without a body (HEAD, 1xx, 204, 304) and bodies delimited by the connection's close.
 *
 * <p>State survives between calls, so each octet is examined a bounded number of times however
 * the stream is segmented; consumed octets are dropped at once, so memory is the unfinished
 * message only.
 */
final class HttpStreamParser {
  /** A request line, kept so that its response can be described and framed (HEAD). */
  record Request(String method, String target) {}

  private enum Mode { DETECT, REQUESTS, RESPONSES, IGNORE }

  private enum Body { NONE, LENGTH, CHUNKED, UNTIL_CLOSE }

  private static final byte[] EMPTY = new byte[0];
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
  private long needed;
  private Mode mode = Mode.DETECT;

  // The message under way, once its header section has been parsed.
  private boolean inBody;
  private Body body;
  private long contentLength;
  private String description;
  private boolean mms;
  private String contentEncoding;
  private boolean isRequest;
  private ByteArrayOutputStream chunks;
  private boolean inTrailers;
  private boolean switchAfter;

  HttpStreamParser(Extraction x, Deque<Request> requests, Endpoint src, Endpoint dst) {
    this.x = x;
    this.requests = requests;
    this.src = src;
    this.dst = dst;
  }

  /** Octets held: unparsed stream data plus a chunked body being collected. */
  long buffered() {
    return (end - start) + (chunks == null ? 0 : chunks.size());
  }

  boolean ignoring() {
    return mode == Mode.IGNORE;
  }

  void feed(byte[] d, int from, int len, Frame f) {
    if (mode == Mode.IGNORE || len == 0) {
      return;
    }
    if (end + len > buf.length) {
      int live = end - start;
      long want = (long) live + len;
      if (want <= buf.length) {
        System.arraycopy(buf, start, buf, 0, live);
      } else {
        // The caller has checked the stream limit, so want is bounded by it.
        long grown = Math.min(Math.max(4096L, 2L * buf.length), x.config.maxStreamBytes());
        int cap = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(want, grown));
        byte[] nb = new byte[cap];
        System.arraycopy(buf, start, nb, 0, live);
        buf = nb;
      }
      end = live;
      start = 0;
    }
    System.arraycopy(d, from, buf, end, len);
    end += len;
    parse(f, false);
  }

  /** Drops everything; later data is ignored. */
  void abandon() {
    mode = Mode.IGNORE;
    buf = EMPTY;
    start = 0;
    end = 0;
    chunks = null;
  }

  /**
   * The stream ended: {@code clean} when by FIN, false when the capture ended or a gap stopped
   * delivery. A body delimited by the close is emitted; an unfinished message is reported.
   */
  void close(Frame f, boolean clean, String why) {
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
        x.finding(CaptureFinding.Kind.HTTP_INCOMPLETE, f.number(), -1,
            description + ": body delimited by the connection's close, but " + why
                + "; " + b.length + " octets taken as the body");
      }
      emit(b, f);
    } else if (inBody) {
      long have = body == Body.CHUNKED ? chunks.size() : end - start;
      x.finding(CaptureFinding.Kind.HTTP_INCOMPLETE, f.number(), -1,
          description + ": " + why + " after " + have + " body octets"
              + (body == Body.LENGTH ? " of " + contentLength : " (chunked)"));
    } else if (end > start) {
      x.finding(CaptureFinding.Kind.HTTP_INCOMPLETE, f.number(), -1,
          "HTTP " + src + " -> " + dst + ": " + why + " inside a header section ("
              + (end - start) + " octets)");
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

  private void fail(Frame f, CaptureFinding.Kind kind, String detail) {
    x.finding(kind, f.number(), -1, "HTTP " + src + " -> " + dst + ": " + detail
        + "; rest of the stream ignored");
    abandon();
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
        fail(f, CaptureFinding.Kind.HTTP_MALFORMED,
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
        fail(f, CaptureFinding.Kind.HTTP_MALFORMED, "header line without a colon: "
            + abbreviate(l));
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
        fail(f, CaptureFinding.Kind.HTTP_MALFORMED, "bad request line: " + abbreviate(first));
        return false;
      }
      requests.addLast(new Request(parts[0], parts[1]));
      description = "HTTP " + parts[0] + " " + parts[1] + " " + src + " -> " + dst;
    } else {
      if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("[0-9]{3}")) {
        fail(f, CaptureFinding.Kind.HTTP_MALFORMED, "bad status line: " + abbreviate(first));
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
      description = "HTTP " + code + " response to "
          + (req == null ? "an unseen request" : req.method() + " " + req.target()) + " " + src
          + " -> " + dst;
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
        chunks = new ByteArrayOutputStream();
        inTrailers = false;
      } else if (isRequest) {
        fail(f, CaptureFinding.Kind.HTTP_MALFORMED,
            "request with Transfer-Encoding not ending in chunked: " + transferEncoding);
        return false;
      } else {
        body = Body.UNTIL_CLOSE;
      }
    } else if (!lengths.isEmpty()) {
      long n = -1;
      for (String v : lengths) {
        if (!v.matches("[0-9]{1,18}") || (n >= 0 && Long.parseLong(v) != n)) {
          fail(f, CaptureFinding.Kind.HTTP_MALFORMED,
              "invalid or conflicting Content-Length " + lengths);
          return false;
        }
        n = Long.parseLong(v);
      }
      if (n > x.config.maxStreamBytes()) {
        fail(f, CaptureFinding.Kind.STREAM_LIMIT_EXCEEDED,
            "Content-Length " + n + " exceeds maxStreamBytes " + x.config.maxStreamBytes());
        return false;
      }
      body = Body.LENGTH;
      contentLength = n;
    } else {
      body = isRequest ? Body.NONE : Body.UNTIL_CLOSE;
    }
    inBody = true;
    return true;
  }

  static boolean isMmsType(String contentType) {
    int semi = contentType.indexOf(';');
    String media = (semi < 0 ? contentType : contentType.substring(0, semi)).strip();
    return media.equalsIgnoreCase(WspContentType.MMS_MESSAGE);
  }

  /** Advances the body; returns whether the message completed. */
  private boolean body(Frame f) {
    switch (body) {
      case NONE:
        emit(EMPTY, f);
        return true;
      case LENGTH:
        {
          if (end - start < contentLength) {
            needed = contentLength;
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
          fail(f, CaptureFinding.Kind.HTTP_MALFORMED, "chunk-size or trailer line too long");
        } else {
          needed = end - start + 1;
        }
        return false;
      }
      String line = new String(buf, start, eol - start, StandardCharsets.ISO_8859_1).strip();
      if (inTrailers) {
        start = eol + 1;
        if (line.isEmpty()) {
          byte[] b = chunks.toByteArray();
          chunks = null;
          emit(b, f);
          return true;
        }
        continue;
      }
      int semi = line.indexOf(';');
      String hex = (semi < 0 ? line : line.substring(0, semi)).strip();
      if (!hex.matches("[0-9a-fA-F]{1,15}")) {
        fail(f, CaptureFinding.Kind.HTTP_MALFORMED, "bad chunk size: " + abbreviate(line));
        return false;
      }
      long size = Long.parseLong(hex, 16);
      if (size == 0) {
        start = eol + 1;
        inTrailers = true;
        continue;
      }
      if (chunks.size() + size > x.config.maxStreamBytes()) {
        fail(f, CaptureFinding.Kind.STREAM_LIMIT_EXCEEDED,
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
          fail(f, CaptureFinding.Kind.HTTP_MALFORMED, "chunk data not followed by CRLF");
          return false;
        }
        after = p + 2;
      } else {
        fail(f, CaptureFinding.Kind.HTTP_MALFORMED, "chunk data not followed by CRLF");
        return false;
      }
      chunks.write(buf, (int) dataStart, (int) size);
      start = after;
    }
  }

  private void emit(byte[] b, Frame f) {
    inBody = false;
    x.httpMessages++;
    if (mms) {
      if (contentEncoding != null && !contentEncoding.equalsIgnoreCase("identity")) {
        x.finding(CaptureFinding.Kind.HTTP_CONTENT_ENCODING, f.number(), -1,
            description + ": Content-Encoding " + contentEncoding
                + " not undone; body reported as sent");
      }
      x.pdus.add(new CapturedPdu(f.number(), f.timestamp(),
          isRequest ? CapturedPdu.Origin.HTTP_REQUEST : CapturedPdu.Origin.HTTP_RESPONSE,
          description, b, Optional.empty()));
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
