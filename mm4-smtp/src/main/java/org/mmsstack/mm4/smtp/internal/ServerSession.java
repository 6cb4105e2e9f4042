package org.mmsstack.mm4.smtp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLSession;
import org.mmsstack.mm4.smtp.SmtpAddress;
import org.mmsstack.mm4.smtp.SmtpDeliveryOutcome;
import org.mmsstack.mm4.smtp.SmtpEnvelope;
import org.mmsstack.mm4.smtp.SmtpMessageHandler;
import org.mmsstack.mm4.smtp.SmtpPeer;
import org.mmsstack.mm4.smtp.SmtpReceiverConfig;
import org.mmsstack.mm4.smtp.SmtpReceiverListener;

/**
 * The receiver's side of one SMTP connection (RFC 5321 section 4), over plain streams so it can
 * be driven by a socket or, in tests and fuzzing, by byte arrays.
 *
 * <p>End of data is only CR LF "." CR LF (RFC 5321 section 4.1.1.4); a message containing a bare
 * CR or LF is refused rather than guessed at, because different readings of bare line ends by
 * two servers are what makes SMTP smuggling possible.
 *
 * <p>Time limits are the input stream's business ({@link PacedInput}); the session marks where a
 * command and the DATA content start and turns a reached limit into a 421 reply.
 */
public final class ServerSession {
  /** Starts TLS on the underlying connection and returns its new streams. */
  @FunctionalInterface
  public interface TlsUpgrader {
    /** Runs the server side of the TLS handshake. */
    Streams upgrade() throws IOException;
  }

  /**
   * The streams of a connection.
   *
   * @param in what the client sends
   * @param out what goes to the client
   * @param session the TLS session these streams run over, or {@code null}
   */
  public record Streams(InputStream in, OutputStream out, SSLSession session) {}

  /** Address used for sessions driven without a socket (tests, fuzzing). */
  private static final InetSocketAddress NO_ADDRESS =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

  private final SmtpReceiverConfig config;
  private final SmtpMessageHandler handler;
  private final TlsUpgrader tlsUpgrader;
  private final SmtpReceiverListener listener;
  private InetSocketAddress remote = NO_ADDRESS;
  private PacedInput paced;
  private SSLSession tlsSession;
  private String helloName;
  private String closeReason = "peer-closed";
  private boolean tls;
  private LineReader reader;
  private OutputStream out;
  private boolean greeted;
  private boolean inTransaction;
  private SmtpAddress reversePath;
  private final List<SmtpAddress> recipients = new ArrayList<>();
  private int errors;

  /**
   * @param tlsUpgrader how to start TLS, or {@code null} when STARTTLS is not offered
   * @param tls whether the connection is already protected (implicit TLS)
   */
  public ServerSession(
      SmtpReceiverConfig config, SmtpMessageHandler handler, TlsUpgrader tlsUpgrader, boolean tls) {
    this.config = config;
    this.handler = handler;
    this.tlsUpgrader = tlsUpgrader;
    this.tls = tls;
    this.listener = new Log(config.listener());
  }

  /**
   * Tells the session about its connection: the peer's address, the paced input the receiver
   * reads through (or {@code null} for no time limits) and the TLS session of implicit TLS.
   */
  public ServerSession connection(
      InetSocketAddress remoteAddress, PacedInput pacedInput, SSLSession implicitTls) {
    this.remote = remoteAddress;
    this.paced = pacedInput;
    this.tlsSession = implicitTls;
    return this;
  }

  /** What the receiver knows about the peer now. */
  public SmtpPeer peer() {
    return SmtpPeer.of(remote, helloName, tlsSession);
  }

  /** Why the session ended (see {@link SmtpReceiverListener#connectionClosed}). */
  public String closeReason() {
    return closeReason;
  }

  /**
   * Serves the connection until QUIT, end of stream, a time limit or too many errors.
   *
   * @throws IOException when writing a reply fails
   */
  public void run(InputStream in, OutputStream output) throws IOException {
    // One octet over the limit is read so that a dot-stuffed line of the full length fits:
    // RFC 5321 section 4.5.3.1.6 does not count the transparency dot. Commands are checked
    // against the limit itself below.
    reader = new LineReader(in, config.maxLineLength() + 1);
    out = output;
    reply(220, config.serverName() + " ESMTP ready");
    while (true) {
      int status;
      try {
        if (paced != null) {
          paced.startCommand();
        }
        status = reader.readLine();
      } catch (SocketTimeoutException e) {
        timedOut(e, "");
        return;
      }
      if (status == LineReader.EOF) {
        return;
      }
      boolean goOn =
          (status == LineReader.TOO_LONG || reader.length() > config.maxLineLength())
              ? error("UNKNOWN", 500, "5.5.2 Line too long")
              : dispatch(reader.lineText());
      if (!goOn) {
        return;
      }
    }
  }

  private void timedOut(SocketTimeoutException e, String where) throws IOException {
    PacedInput.Limit limit =
        e instanceof PacedInput.DeadlineException
            ? ((PacedInput.DeadlineException) e).limit()
            : PacedInput.Limit.IDLE;
    String what;
    switch (limit) {
      case COMMAND:
        closeReason = "command-timeout";
        what = "Command not completed in time";
        break;
      case DATA_RATE:
        closeReason = "data-rate";
        what = "Data arriving too slowly";
        break;
      case SESSION:
        closeReason = "session-timeout";
        what = "Connection open too long";
        break;
      default:
        closeReason = "idle-timeout";
        what = "Idle timeout" + where;
        break;
    }
    reply(421, "4.4.2 " + config.serverName() + " " + what + ", closing connection");
  }

  private boolean dispatch(String line) throws IOException {
    CommandParser.Command command = CommandParser.parseCommand(line);
    String argument = command.argument();
    if (!command.printable() && command.verb() != CommandParser.Verb.UNKNOWN) {
      String verb = command.verb().name();
      if (command.verb() == CommandParser.Verb.MAIL || command.verb() == CommandParser.Verb.RCPT) {
        // RFC 6531 section 3.5: a non-ASCII mailbox without SMTPUTF8 (which MM4 has no use
        // for: its addresses are E.164 numbers and ASCII mailboxes) is refused with 553 5.6.7.
        return refuse(verb, 553, "5.6.7 Non-ASCII address not permitted; SMTPUTF8 is not offered");
      }
      return error(verb, 501, "5.5.2 Argument contains characters outside printable US-ASCII");
    }
    switch (command.verb()) {
      case EHLO:
      case HELO:
        return hello(command.verb() == CommandParser.Verb.EHLO, argument.trim());
      case MAIL:
        return mail(argument);
      case RCPT:
        return rcpt(argument);
      case DATA:
        if (!argument.isEmpty()) {
          return error("DATA", 501, "5.5.4 DATA takes no argument");
        }
        if (!inTransaction) {
          return error("DATA", 503, "5.5.1 Need MAIL before DATA");
        }
        if (recipients.isEmpty()) {
          return error("DATA", 554, "5.5.1 No valid recipients");
        }
        reply(354, "End data with <CR><LF>.<CR><LF>");
        return data();
      case RSET:
        if (!argument.isEmpty()) {
          return error("RSET", 501, "5.5.4 RSET takes no argument");
        }
        resetTransaction();
        reply(250, "2.0.0 OK");
        return true;
      case NOOP:
        reply(250, "2.0.0 OK");
        return true;
      case QUIT:
        closeReason = "quit";
        reply(221, "2.0.0 " + config.serverName() + " closing connection");
        return false;
      case VRFY:
        reply(252, "2.5.0 Cannot VRFY user, but will accept message and attempt delivery");
        return true;
      case EXPN:
        return error("EXPN", 502, "5.5.1 EXPN not implemented");
      case HELP:
        reply(
            214,
            "2.0.0 Commands: EHLO HELO MAIL RCPT DATA RSET NOOP QUIT"
                + (canStartTls() ? " STARTTLS" : ""));
        return true;
      case STARTTLS:
        return startTls(argument);
      default:
        return error("UNKNOWN", 500, "5.5.2 Command unrecognized");
    }
  }

  private boolean canStartTls() {
    return tlsUpgrader != null && !tls;
  }

  private boolean hello(boolean extended, String domain) throws IOException {
    if (domain.isEmpty() || domain.indexOf(' ') >= 0) {
      return error(
          extended ? "EHLO" : "HELO",
          501,
          "5.5.4 Syntax: " + (extended ? "EHLO" : "HELO") + " domain");
    }
    // RFC 5321 section 4.1.4: EHLO/HELO in a session is as if RSET came first.
    resetTransaction();
    greeted = true;
    helloName = domain;
    if (!extended) {
      reply(250, config.serverName());
      return true;
    }
    List<String> lines = new ArrayList<>();
    lines.add(config.serverName() + " greets " + domain);
    // PIPELINING (RFC 2920) costs nothing here: commands are read from a buffered stream one at
    // a time and answered in order, and nothing buffered is thrown away except after STARTTLS.
    // SMTPUTF8 is not offered: MM4 addresses are ASCII and SmtpAddress holds ASCII only.
    lines.add("PIPELINING");
    lines.add("8BITMIME");
    lines.add("SIZE " + config.maxMessageSize());
    lines.add("ENHANCEDSTATUSCODES");
    if (canStartTls()) {
      lines.add("STARTTLS");
    }
    replyLines(250, lines);
    return true;
  }

  private boolean mail(String argument) throws IOException {
    if (!greeted) {
      return error("MAIL", 503, "5.5.1 Send EHLO or HELO first");
    }
    if (inTransaction) {
      return error("MAIL", 503, "5.5.1 Sender already given");
    }
    if (config.requireTls() && !tls) {
      return error("MAIL", 530, "5.7.0 Must issue a STARTTLS command first");
    }
    if (!config.allowedClientNames().isEmpty()) {
      SmtpPeer peer = peer();
      if (peer.identity().isEmpty()) {
        return error("MAIL", 530, "5.7.0 A verified client certificate is required");
      }
      boolean allowed = false;
      for (String name : peer.identityNames()) {
        allowed |=
            config.allowedClientNames().contains(name)
                || config.allowedClientNames().contains(name.toLowerCase(Locale.ROOT));
      }
      if (!allowed) {
        return error("MAIL", 550, "5.7.1 Client certificate not authorised to send here");
      }
    }
    CommandParser.PathArgument path = CommandParser.parseMailArgument(argument);
    if (!path.ok()) {
      return error("MAIL", path.errorCode(), path.errorText());
    }
    for (Map.Entry<String, String> parameter : path.parameters().entrySet()) {
      String value = parameter.getValue();
      switch (parameter.getKey()) {
        case "BODY":
          if (!value.equalsIgnoreCase("7BIT") && !value.equalsIgnoreCase("8BITMIME")) {
            return error("MAIL", 501, "5.5.4 BODY must be 7BIT or 8BITMIME");
          }
          break;
        case "SIZE":
          long size = CommandParser.parseSize(value);
          if (size < 0) {
            return error("MAIL", 501, "5.5.4 SIZE must be a number");
          }
          if (size > config.maxMessageSize()) {
            return refuse("MAIL", 552, "5.3.4 Message size exceeds fixed maximum message size");
          }
          break;
        default:
          return error("MAIL", 555, "5.5.4 MAIL parameter not recognized or not implemented");
      }
    }
    reversePath = path.address();
    inTransaction = true;
    reply(250, "2.1.0 Sender OK");
    return true;
  }

  private boolean rcpt(String argument) throws IOException {
    if (!inTransaction) {
      return error("RCPT", 503, "5.5.1 Need MAIL before RCPT");
    }
    CommandParser.PathArgument path = CommandParser.parseRcptArgument(argument);
    if (!path.ok()) {
      return error("RCPT", path.errorCode(), path.errorText());
    }
    if (!path.parameters().isEmpty()) {
      return error("RCPT", 555, "5.5.4 RCPT parameter not recognized or not implemented");
    }
    if (recipients.size() >= config.maxRecipients()) {
      return refuse("RCPT", 452, "4.5.3 Too many recipients");
    }
    boolean accepted;
    try {
      accepted = handler.acceptsRecipient(path.address());
    } catch (RuntimeException | Error e) {
      Log.handlerFailed("acceptsRecipient", remote, e);
      return refuse("RCPT", 451, "4.3.0 Local error in processing");
    }
    if (!accepted) {
      return refuse("RCPT", 550, "5.1.1 Recipient refused");
    }
    if (!recipients.contains(path.address())) {
      recipients.add(path.address());
    }
    reply(250, "2.1.5 Recipient OK");
    return true;
  }

  private boolean startTls(String argument) throws IOException {
    if (!argument.isEmpty()) {
      return error("STARTTLS", 501, "5.5.4 STARTTLS takes no argument");
    }
    if (!canStartTls()) {
      return error("STARTTLS", 502, "5.5.1 STARTTLS not available");
    }
    reply(220, "2.0.0 Ready to start TLS");
    // Anything pipelined behind STARTTLS was sent in plain text; it stays in the old reader and is
    // dropped, so it can never be taken for a command sent under TLS (CVE-2011-0411).
    Streams streams;
    try {
      streams = tlsUpgrader.upgrade();
    } catch (IOException e) {
      closeReason = "tls-failed";
      listener.tlsFailed(remote, e);
      return false;
    }
    tls = true;
    tlsSession = streams.session();
    listener.tlsEstablished(peer());
    reader = new LineReader(streams.in(), config.maxLineLength() + 1);
    out = streams.out();
    // RFC 3207 section 4.2: the session starts over; the client must say EHLO again.
    greeted = false;
    resetTransaction();
    return true;
  }

  private boolean data() throws IOException {
    long max = config.maxMessageSize();
    byte[] buffer = new byte[(int) Math.min(8192, max)];
    int size = 0;
    boolean tooLarge = false;
    boolean lineTooLong = false;
    boolean bareLineEnd = false;
    boolean previousCrlf = true;
    if (paced != null) {
      paced.startData();
    }
    while (true) {
      int status;
      try {
        status = reader.readLine();
      } catch (SocketTimeoutException e) {
        resetTransaction();
        timedOut(e, " in DATA");
        return false;
      }
      if (status == LineReader.EOF) {
        // The client went away before the end of data: nothing is delivered.
        resetTransaction();
        return false;
      }
      boolean crlf = reader.endedWithCrlf();
      if (status == LineReader.TOO_LONG) {
        lineTooLong = true;
        previousCrlf = crlf;
        continue;
      }
      byte[] line = reader.line();
      int length = reader.length();
      if (crlf && previousCrlf && length == 1 && line[0] == '.') {
        break;
      }
      previousCrlf = crlf;
      if (length - (length > 0 && line[0] == '.' ? 1 : 0) > config.maxLineLength()) {
        lineTooLong = true; // the transparency dot does not count (RFC 5321 section 4.5.3.1.6)
        continue;
      }
      if (!crlf) {
        bareLineEnd = true;
      }
      for (int i = 0; i < length && !bareLineEnd; i++) {
        if (line[i] == '\r') {
          bareLineEnd = true;
        }
      }
      if (tooLarge || lineTooLong || bareLineEnd) {
        continue; // the message will be refused: stop storing, keep reading to the end
      }
      int from = length > 0 && line[0] == '.' ? 1 : 0;
      int add = length - from + 2;
      if ((long) size + add > max) {
        tooLarge = true;
        continue;
      }
      if (size + add > buffer.length) {
        buffer =
            Arrays.copyOf(
                buffer, (int) Math.min(max, Math.max((long) size + add, buffer.length * 2L)));
      }
      System.arraycopy(line, from, buffer, size, length - from);
      size += length - from;
      buffer[size++] = '\r';
      buffer[size++] = '\n';
    }
    SmtpPeer peer = peer();
    SmtpEnvelope envelope = SmtpEnvelope.of(reversePath, recipients).withPeer(peer);
    resetTransaction();
    if (tooLarge) {
      refuseMessage(
          peer,
          envelope,
          552,
          "5.3.4 Message size exceeds fixed maximum message size",
          "too-large");
    } else if (lineTooLong) {
      refuseMessage(peer, envelope, 500, "5.5.2 Line too long", "line-too-long");
    } else if (bareLineEnd) {
      refuseMessage(
          peer,
          envelope,
          554,
          "5.6.0 Bare CR or LF in message; lines must end with CR LF",
          "bare-line-end");
    } else {
      SmtpDeliveryOutcome outcome;
      try {
        outcome = handler.deliver(envelope, Arrays.copyOf(buffer, size));
      } catch (RuntimeException | Error e) {
        // An Error too: the handler's failure (even an OutOfMemoryError in its own work) must
        // not leave the client without a reply; the session itself is in a known state.
        Log.handlerFailed("deliver", remote, e);
        outcome = null;
      }
      if (outcome == null) {
        refuseMessage(peer, envelope, 451, "4.3.0 Local error in processing", "handler-failed");
      } else if (outcome.isAccepted()) {
        // Reported before the reply: the handler has taken the message over either way.
        listener.messageAccepted(peer, envelope, size);
        reply(outcome.code(), outcome.text());
      } else {
        refuseMessage(peer, envelope, outcome.code(), outcome.text(), "handler");
      }
    }
    return true;
  }

  private void refuseMessage(
      SmtpPeer peer, SmtpEnvelope envelope, int code, String text, String reason)
      throws IOException {
    listener.messageRefused(peer, envelope, code, reason);
    reply(code, text);
  }

  private void resetTransaction() {
    inTransaction = false;
    reversePath = null;
    recipients.clear();
  }

  /** A refusal caused by the client's error: counted toward {@link SmtpReceiverConfig#maxErrors()}. */
  private boolean error(String verb, int code, String text) throws IOException {
    errors++;
    listener.commandRejected(peer(), verb, code, text);
    if (errors >= config.maxErrors()) {
      closeReason = "too-many-errors";
      reply(421, "4.7.0 " + config.serverName() + " Too many errors, closing connection");
      return false;
    }
    reply(code, text);
    return true;
  }

  /** A refusal by policy or limit (not a client error): not counted. */
  private boolean refuse(String verb, int code, String text) throws IOException {
    listener.commandRejected(peer(), verb, code, text);
    reply(code, text);
    return true;
  }

  private void reply(int code, String text) throws IOException {
    out.write((code + " " + text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private void replyLines(int code, List<String> lines) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      sb.append(code).append(i == lines.size() - 1 ? ' ' : '-').append(lines.get(i)).append("\r\n");
    }
    out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }
}
