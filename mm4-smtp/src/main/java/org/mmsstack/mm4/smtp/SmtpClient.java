package org.mmsstack.mm4.smtp;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.mmsstack.mm4.smtp.internal.DataEncoding;
import org.mmsstack.mm4.smtp.internal.LineReader;

/**
 * An SMTP client connection (RFC 5321) that sends opaque RFC 5322 messages, one transaction at a
 * time, with a report of every recipient.
 *
 * <p>{@link #connect} opens the connection, reads the greeting, says EHLO (HELO when the server
 * does not know EHLO) and, with {@link SmtpTlsMode#STARTTLS}, upgrades to TLS and says EHLO again.
 * Each {@link #send} then runs MAIL FROM, one RCPT TO per recipient, DATA and the content; a
 * second {@code send} on the same connection is preceded by RSET. {@link #close()} says QUIT.
 *
 * <p>Guarantees: {@code send} returns only when the server answered 250 to the message content,
 * and the result lists exactly which recipients it accepted; every other outcome is an
 * {@link SmtpException} naming the phase, the last reply and the recipient replies so far.
 * Before MAIL FROM the message is checked: 8-bit octets need the server's 8BITMIME (then
 * {@code BODY=8BITMIME} is sent), a message over the server's SIZE is not sent, and no line may
 * exceed {@link SmtpClientConfig#maxLineLength()}. Bare LF and bare CR become CR LF and lines
 * starting with '.' are dot-stuffed; the caller's array is not changed.
 *
 * <p>Time: every wait for a reply is bounded by {@link SmtpClientConfig#readTimeout()}, and
 * {@code connect} and each {@code send} as a whole by {@link SmtpClientConfig#transactionTimeout()}
 * (a timer cuts the connection, so a server that drips its replies or stops reading the content
 * cannot hold the caller: {@link SmtpException.Reason#DEADLINE}). A reply that arrives while the
 * content is still being sent is never taken for the final reply: the message is not delivered
 * ({@link SmtpException.Reason#EARLY_REPLY}, with that reply) and the connection is closed.
 *
 * <p>After a refused command the connection stays usable; after a lost connection, a timeout,
 * an early reply or a 421 reply it is closed and further calls fail with
 * {@link SmtpException.Reason#CLIENT_CLOSED}.
 * Not thread-safe: use one connection per thread.
 */
public final class SmtpClient implements AutoCloseable {
  /** Cuts connections whose step outlives the transaction timeout; shared by all clients. */
  private static final ScheduledThreadPoolExecutor DEADLINES = deadlineTimer();

  private final SmtpClientConfig config;
  private final String host;
  private Socket socket;
  private InputStream rawIn;
  private LineReader reader;
  private volatile boolean deadlineHit;
  private ScheduledFuture<?> deadlineTask;
  private OutputStream out;
  private boolean tls;
  private boolean open;
  private boolean transactionStarted;
  private SmtpReply greeting;
  private SmtpReply helloReply;
  private boolean esmtp;
  private Map<String, String> extensions = Map.of();

  // Context of the step in progress, so any failure can report it.
  private List<SmtpRecipientResult> currentRecipients = List.of();
  private boolean contentSent;
  private SmtpReply lastReply;

  private SmtpClient(SmtpClientConfig config, String host) {
    this.config = config;
    this.host = host;
  }

  /**
   * Connects, reads the greeting, says EHLO/HELO and starts TLS as configured.
   *
   * @throws SmtpException when the connection, the greeting, the hello or TLS fails; the socket
   *     is closed then
   */
  public static SmtpClient connect(String host, int port, SmtpClientConfig config)
      throws SmtpException {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(config, "config");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port: " + port + " (expected: 1 ~ 65535)");
    }
    SmtpClient client = new SmtpClient(config, host);
    client.armDeadline();
    try {
      client.open(port);
      return client;
    } catch (SmtpException e) {
      client.closeSocket();
      throw e;
    } finally {
      client.disarmDeadline();
    }
  }

  private static ScheduledThreadPoolExecutor deadlineTimer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "smtp-client-deadlines");
              t.setDaemon(true);
              return t;
            });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  /**
   * Starts the transaction deadline: when it passes, the socket is closed from the timer thread,
   * which makes the blocked read or write fail at once; the failure is then reported as
   * {@link SmtpException.Reason#DEADLINE}. Read timeouts alone cannot do this: a server that
   * sends one octet per read timeout, or stops reading, would hold the client for ever.
   */
  private void armDeadline() {
    deadlineHit = false;
    deadlineTask =
        DEADLINES.schedule(
            () -> {
              deadlineHit = true;
              Socket s = socket;
              if (s != null) {
                closeQuietly(s);
              }
            },
            config.transactionTimeout().toMillis(),
            TimeUnit.MILLISECONDS);
  }

  private void disarmDeadline() {
    if (deadlineTask != null) {
      deadlineTask.cancel(false);
      deadlineTask = null;
    }
  }

  private void open(int port) throws SmtpException {
    Socket s = new Socket();
    socket = s;
    try {
      s.connect(new InetSocketAddress(host, port), (int) config.connectTimeout().toMillis());
      s.setSoTimeout((int) config.readTimeout().toMillis());
      // Lock-step commands: without this, a command after a small write waits for the server's
      // delayed ACK (about 40 ms per command on loopback).
      s.setTcpNoDelay(true);
    } catch (IOException e) {
      closeQuietly(s);
      if (deadlineHit) {
        throw SmtpException.deadline(
            SmtpPhase.CONNECT, null, List.of(), false, config.transactionTimeout().toMillis(), e);
      }
      throw e instanceof SocketTimeoutException
          ? SmtpException.timeout(SmtpPhase.CONNECT, null, List.of(), false, e)
          : SmtpException.connectionLost(SmtpPhase.CONNECT, null, List.of(), false, e);
    }
    open = true;
    if (config.tlsMode() == SmtpTlsMode.IMPLICIT) {
      upgradeToTls(SmtpPhase.CONNECT, port);
    } else {
      attachStreams();
    }
    greeting = readReply(SmtpPhase.GREETING);
    if (greeting.code() != 220) {
      throw failAndClose(SmtpException.rejected(SmtpPhase.GREETING, greeting, List.of()));
    }
    hello();
    if (config.tlsMode() == SmtpTlsMode.STARTTLS) {
      if (!supports("STARTTLS")) {
        throw failAndClose(SmtpException.tlsUnavailable(helloReply));
      }
      SmtpReply reply = command("STARTTLS", SmtpPhase.STARTTLS);
      if (reply.code() != 220) {
        throw failAndClose(SmtpException.rejected(SmtpPhase.STARTTLS, reply, List.of()));
      }
      upgradeToTls(SmtpPhase.STARTTLS, port);
      // RFC 3207 section 4.2: forget everything learnt before TLS and ask again.
      hello();
    }
  }

  private void attachStreams() throws SmtpException {
    try {
      rawIn = socket.getInputStream();
      reader = new LineReader(rawIn, config.maxReplyLineLength());
      out = new BufferedOutputStream(socket.getOutputStream(), 8192);
    } catch (IOException e) {
      throw ioFailure(SmtpPhase.CONNECT, e);
    }
  }

  private void upgradeToTls(SmtpPhase phase, int port) throws SmtpException {
    try {
      SSLContext context = config.sslContext().orElse(null);
      if (context == null) {
        context = SSLContext.getDefault();
      }
      SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(socket, host, port, true);
      ssl.setUseClientMode(true);
      if (config.verifyHostname()) {
        SSLParameters parameters = ssl.getSSLParameters();
        // The RFC 2818 rules (DNS or IP subjectAltName) are the ones RFC 8314 asks SMTP clients to
        // apply.
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        ssl.setSSLParameters(parameters);
      }
      socket = ssl;
      ssl.startHandshake();
      tls = true;
    } catch (NoSuchAlgorithmException e) {
      throw failAndClose(SmtpException.tlsFailed(phase, new IOException(e)));
    } catch (SocketTimeoutException e) {
      throw failAndClose(SmtpException.timeout(phase, lastReply, List.of(), false, e));
    } catch (IOException e) {
      if (deadlineHit) {
        throw ioFailure(phase, e);
      }
      throw failAndClose(SmtpException.tlsFailed(phase, e));
    }
    attachStreams();
  }

  private void hello() throws SmtpException {
    String name = config.helloName().orElseGet(this::localAddressLiteral);
    SmtpReply reply = command("EHLO " + name, SmtpPhase.HELLO);
    if (reply.isPositiveCompletion()) {
      esmtp = true;
      Map<String, String> found = new LinkedHashMap<>();
      for (String line : reply.lines().subList(1, reply.lines().size())) {
        String trimmed = line.trim();
        if (trimmed.isEmpty()) {
          continue;
        }
        int space = trimmed.indexOf(' ');
        String keyword =
            (space < 0 ? trimmed : trimmed.substring(0, space)).toUpperCase(Locale.ROOT);
        found.put(keyword, space < 0 ? "" : trimmed.substring(space + 1).trim());
      }
      extensions = Collections.unmodifiableMap(found);
      helloReply = reply;
      return;
    }
    if (!reply.isPermanentNegative()) {
      throw failAndClose(SmtpException.rejected(SmtpPhase.HELLO, reply, List.of()));
    }
    // RFC 5321 section 3.2: a server that does not know EHLO answers 5yz; fall back to HELO.
    reply = command("HELO " + name, SmtpPhase.HELLO);
    if (!reply.isPositiveCompletion()) {
      throw failAndClose(SmtpException.rejected(SmtpPhase.HELLO, reply, List.of()));
    }
    esmtp = false;
    extensions = Map.of();
    helloReply = reply;
  }

  private String localAddressLiteral() {
    InetAddress local = socket.getLocalAddress();
    String text = local.getHostAddress();
    if (local instanceof Inet6Address) {
      int scope = text.indexOf('%');
      return "[IPv6:" + (scope < 0 ? text : text.substring(0, scope)) + "]";
    }
    return "[" + text + "]";
  }

  /**
   * Sends one message to the envelope's recipients.
   *
   * @param envelope reverse-path and recipients
   * @param message the RFC 5322 message; not modified. Line ends are normalised to CR LF on the
   *     wire and a final CR LF is added if missing
   * @return the per-recipient outcome; only returned after the server's 250 to the content
   * @throws SmtpException when the server did not acknowledge the message for any recipient
   */
  public SmtpSendResult send(SmtpEnvelope envelope, byte[] message) throws SmtpException {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(message, "message");
    ensureOpen(SmtpPhase.MAIL);
    currentRecipients = List.of();
    contentSent = false;
    lastReply = null;

    DataEncoding.Scan scan = DataEncoding.scan(message, config.maxLineLength());
    if (scan.longLine > 0) {
      throw SmtpException.lineTooLong(scan.longLine, scan.longLineLength, config.maxLineLength());
    }
    boolean eightBit = scan.firstEightBitOffset >= 0;
    if (eightBit && !supports("8BITMIME")) {
      throw SmtpException.eightBitUnsupported(scan.firstEightBitOffset);
    }
    long sizeLimit = serverSizeLimit();
    if (sizeLimit > 0 && scan.normalizedSize > sizeLimit) {
      throw SmtpException.messageTooLarge(scan.normalizedSize, sizeLimit);
    }

    armDeadline();
    try {
      return transaction(envelope, message, scan, eightBit);
    } finally {
      disarmDeadline();
    }
  }

  private SmtpSendResult transaction(
      SmtpEnvelope envelope, byte[] message, DataEncoding.Scan scan, boolean eightBit)
      throws SmtpException {
    if (transactionStarted) {
      reset();
    }
    transactionStarted = true;

    StringBuilder mail = new StringBuilder("MAIL FROM:").append(envelope.reversePathString());
    if (eightBit) {
      mail.append(" BODY=8BITMIME");
    }
    if (supports("SIZE")) {
      mail.append(" SIZE=").append(scan.normalizedSize);
    }
    SmtpReply reply = command(mail.toString(), SmtpPhase.MAIL);
    if (!reply.isPositiveCompletion()) {
      throw SmtpException.rejected(SmtpPhase.MAIL, reply, List.of());
    }

    List<SmtpRecipientResult> results = new ArrayList<>(envelope.recipients().size());
    boolean anyAccepted = false;
    for (SmtpAddress recipient : envelope.recipients()) {
      currentRecipients = results;
      reply = command("RCPT TO:<" + recipient.toSmtpString() + ">", SmtpPhase.RCPT);
      SmtpRecipientResult result = new SmtpRecipientResult(recipient, reply);
      results.add(result);
      anyAccepted |= result.accepted();
    }
    currentRecipients = results;
    if (!anyAccepted) {
      throw SmtpException.noRecipientAccepted(results);
    }

    reply = command("DATA", SmtpPhase.DATA);
    if (reply.code() != 354) {
      throw SmtpException.rejected(SmtpPhase.DATA, reply, results);
    }
    boolean complete;
    try {
      complete = DataEncoding.write(message, out, this::replyWaiting);
      out.flush();
    } catch (IOException e) {
      if (deadlineHit) {
        throw ioFailure(SmtpPhase.MESSAGE, e);
      }
      // A server that refuses mid-content usually replies and closes, and our write then fails:
      // its reply, if it got through, says more than the broken pipe.
      SmtpReply early = earlyReplyAfterFailure();
      if (early != null) {
        throw failAndClose(SmtpException.earlyReply(early, results));
      }
      throw ioFailure(SmtpPhase.MESSAGE, e);
    }
    if (!complete) {
      // RFC 5321 section 4.1.1.4: the reply to DATA content comes after the end-of-data mark.
      // One that comes before is a refusal (or a broken server); never a 250 for this message.
      // The server's reading of the rest of our content is unknown, so the connection is done.
      SmtpReply early = readReply(SmtpPhase.MESSAGE);
      throw failAndClose(SmtpException.earlyReply(early, results));
    }
    contentSent = true;
    reply = readReply(SmtpPhase.MESSAGE);
    contentSent = false;
    if (reply.code() != 250) {
      throw SmtpException.rejected(SmtpPhase.MESSAGE, reply, results);
    }
    return new SmtpSendResult(envelope, results, reply);
  }

  private boolean replyWaiting() throws IOException {
    out.flush();
    return reader.hasBufferedInput() || rawIn.available() > 0;
  }

  private SmtpReply earlyReplyAfterFailure() {
    try {
      if (!open || !(reader.hasBufferedInput() || rawIn.available() > 0)) {
        return null;
      }
      return readReply(SmtpPhase.MESSAGE);
    } catch (IOException e) {
      return null;
    }
  }

  private long serverSizeLimit() {
    String parameter = extensions.get("SIZE");
    if (parameter == null || parameter.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(parameter.trim());
    } catch (NumberFormatException e) {
      return 0; // A SIZE without a usable number announces no fixed limit (RFC 1870 section 4).
    }
  }

  /**
   * Sends RSET, abandoning any transaction in progress.
   *
   * @throws SmtpException when the server does not answer 250
   */
  public void reset() throws SmtpException {
    ensureOpen(SmtpPhase.RSET);
    SmtpReply reply = command("RSET", SmtpPhase.RSET);
    if (!reply.isPositiveCompletion()) {
      throw SmtpException.rejected(SmtpPhase.RSET, reply, List.of());
    }
    transactionStarted = false;
  }

  /**
   * Says QUIT, waits for 221 (at most the transaction timeout) and closes the connection (closed
   * also when this throws).
   *
   * @throws SmtpException when the reply is not 221 or the connection fails
   */
  public void quit() throws SmtpException {
    ensureOpen(SmtpPhase.QUIT);
    armDeadline();
    try {
      SmtpReply reply = command("QUIT", SmtpPhase.QUIT);
      if (reply.code() != 221) {
        throw SmtpException.rejected(SmtpPhase.QUIT, reply, List.of());
      }
    } finally {
      disarmDeadline();
      closeSocket();
    }
  }

  /** Says QUIT if the connection is still usable, then closes it; never throws. */
  @Override
  public void close() {
    if (open) {
      try {
        quit();
      } catch (SmtpException ignored) {
        // Closing anyway: the server's reply to QUIT changes nothing for the caller.
      }
    }
    closeSocket();
  }

  /** Whether the connection can still be used. */
  public boolean isOpen() {
    return open;
  }

  /** Whether the connection is protected by TLS (implicit or after STARTTLS). */
  public boolean isTls() {
    return tls;
  }

  /** Whether the server accepted EHLO (and so may offer extensions). */
  public boolean isEsmtp() {
    return esmtp;
  }

  /** The server's 220 greeting. */
  public SmtpReply greeting() {
    return greeting;
  }

  /** The reply to the last EHLO (or HELO). */
  public SmtpReply helloReply() {
    return helloReply;
  }

  /** The extension keywords of the last EHLO reply, upper case (e.g. {@code 8BITMIME}, {@code SIZE}). */
  public Set<String> extensions() {
    return extensions.keySet();
  }

  /** Whether the server offers the extension {@code keyword} (case-insensitive). */
  public boolean supports(String keyword) {
    return extensions.containsKey(keyword.toUpperCase(Locale.ROOT));
  }

  /** The parameters after an extension keyword (e.g. the number after SIZE), if offered. */
  public Optional<String> extensionParameters(String keyword) {
    return Optional.ofNullable(extensions.get(keyword.toUpperCase(Locale.ROOT)));
  }

  private void ensureOpen(SmtpPhase phase) throws SmtpException {
    if (!open) {
      throw SmtpException.clientClosed(phase);
    }
  }

  private SmtpReply command(String line, SmtpPhase phase) throws SmtpException {
    try {
      out.write(line.getBytes(StandardCharsets.US_ASCII));
      out.write('\r');
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw ioFailure(phase, e);
    }
    return readReply(phase);
  }

  private SmtpReply readReply(SmtpPhase phase) throws SmtpException {
    List<String> lines = new ArrayList<>();
    int code = -1;
    while (true) {
      int status;
      try {
        status = reader.readLine();
      } catch (IOException e) {
        throw ioFailure(phase, e);
      }
      if (status == LineReader.EOF) {
        throw ioFailure(phase, null);
      }
      if (status == LineReader.TOO_LONG) {
        throw malformed(phase, "reply line longer than " + config.maxReplyLineLength() + " octets");
      }
      String text = reader.lineText();
      if (text.length() < 3
          || !isDigit(text.charAt(0))
          || !isDigit(text.charAt(1))
          || !isDigit(text.charAt(2))) {
        throw malformed(
            phase, "reply line does not start with three digits: '" + shorten(text) + "'");
      }
      int lineCode = Integer.parseInt(text.substring(0, 3));
      if (lineCode < 200 || lineCode > 599) {
        throw malformed(phase, "reply code " + lineCode + " is outside 200..599");
      }
      if (code >= 0 && lineCode != code) {
        throw malformed(
            phase, "multi-line reply changes its code from " + code + " to " + lineCode);
      }
      code = lineCode;
      boolean last;
      if (text.length() == 3) {
        last = true;
      } else if (text.charAt(3) == ' ') {
        last = true;
      } else if (text.charAt(3) == '-') {
        last = false;
      } else {
        throw malformed(
            phase, "reply code followed by '" + text.charAt(3) + "' instead of ' ' or '-'");
      }
      lines.add(text.length() > 4 ? text.substring(4) : "");
      if (last) {
        break;
      }
      if (lines.size() >= config.maxReplyLines()) {
        throw malformed(phase, "reply has more than " + config.maxReplyLines() + " lines");
      }
    }
    SmtpReply reply = new SmtpReply(code, lines);
    lastReply = reply;
    if (code == 421) {
      // RFC 5321 section 3.8: the server is closing the channel; nothing more can be sent.
      closeSocket();
    }
    return reply;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static String shorten(String text) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < text.length() && i < 80; i++) {
      char c = text.charAt(i);
      sb.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return sb.toString();
  }

  private SmtpException malformed(SmtpPhase phase, String detail) {
    closeSocket();
    return SmtpException.malformedReply(phase, detail, lastReply, currentRecipients, contentSent);
  }

  private SmtpException ioFailure(SmtpPhase phase, IOException e) {
    closeSocket();
    if (deadlineHit) {
      return SmtpException.deadline(
          phase,
          lastReply,
          currentRecipients,
          contentSent,
          config.transactionTimeout().toMillis(),
          e);
    }
    if (e instanceof SocketTimeoutException) {
      return SmtpException.timeout(phase, lastReply, currentRecipients, contentSent, e);
    }
    return SmtpException.connectionLost(phase, lastReply, currentRecipients, contentSent, e);
  }

  private SmtpException failAndClose(SmtpException e) {
    closeSocket();
    return e;
  }

  private void closeSocket() {
    open = false;
    if (socket != null) {
      closeQuietly(socket);
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // Nothing useful to do: the socket is unusable either way.
    }
  }
}
