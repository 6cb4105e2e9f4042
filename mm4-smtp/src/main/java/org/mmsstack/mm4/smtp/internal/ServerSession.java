package org.mmsstack.mm4.smtp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mmsstack.mm4.smtp.SmtpAddress;
import org.mmsstack.mm4.smtp.SmtpDeliveryOutcome;
import org.mmsstack.mm4.smtp.SmtpEnvelope;
import org.mmsstack.mm4.smtp.SmtpMessageHandler;
import org.mmsstack.mm4.smtp.SmtpReceiverConfig;

/**
 * The receiver's side of one SMTP connection (RFC 5321 section 4), over plain streams so it can
 * be driven by a socket or, in tests and fuzzing, by byte arrays.
 *
 * <p>End of data is only CR LF "." CR LF (RFC 5321 section 4.1.1.4); a message containing a bare
 * CR or LF is refused rather than guessed at, because different readings of bare line ends by
 * two servers are what makes SMTP smuggling possible.
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
     */
    public record Streams(InputStream in, OutputStream out) {
    }

    private final SmtpReceiverConfig config;
    private final SmtpMessageHandler handler;
    private final TlsUpgrader tlsUpgrader;
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
    public ServerSession(SmtpReceiverConfig config, SmtpMessageHandler handler, TlsUpgrader tlsUpgrader, boolean tls) {
        this.config = config;
        this.handler = handler;
        this.tlsUpgrader = tlsUpgrader;
        this.tls = tls;
    }

    /**
     * Serves the connection until QUIT, end of stream, idle timeout or too many errors.
     *
     * @throws IOException when writing a reply fails
     */
    public void run(InputStream in, OutputStream output) throws IOException {
        reader = new LineReader(in, config.maxLineLength());
        out = output;
        reply(220, config.serverName() + " ESMTP ready");
        while (true) {
            int status;
            try {
                status = reader.readLine();
            } catch (SocketTimeoutException e) {
                reply(421, "4.4.2 " + config.serverName() + " Idle timeout, closing connection");
                return;
            }
            if (status == LineReader.EOF) {
                return;
            }
            boolean goOn = status == LineReader.TOO_LONG
                    ? error(500, "5.5.2 Line too long")
                    : dispatch(reader.lineText());
            if (!goOn) {
                return;
            }
        }
    }

    private boolean dispatch(String line) throws IOException {
        CommandParser.Command command = CommandParser.parseCommand(line);
        String argument = command.argument();
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
                    return error(501, "5.5.4 DATA takes no argument");
                }
                if (!inTransaction) {
                    return error(503, "5.5.1 Need MAIL before DATA");
                }
                if (recipients.isEmpty()) {
                    return error(554, "5.5.1 No valid recipients");
                }
                reply(354, "End data with <CR><LF>.<CR><LF>");
                return data();
            case RSET:
                if (!argument.isEmpty()) {
                    return error(501, "5.5.4 RSET takes no argument");
                }
                resetTransaction();
                reply(250, "2.0.0 OK");
                return true;
            case NOOP:
                reply(250, "2.0.0 OK");
                return true;
            case QUIT:
                reply(221, "2.0.0 " + config.serverName() + " closing connection");
                return false;
            case VRFY:
                reply(252, "2.5.0 Cannot VRFY user, but will accept message and attempt delivery");
                return true;
            case EXPN:
                return error(502, "5.5.1 EXPN not implemented");
            case HELP:
                reply(214, "2.0.0 Commands: EHLO HELO MAIL RCPT DATA RSET NOOP QUIT" + (canStartTls() ? " STARTTLS" : ""));
                return true;
            case STARTTLS:
                return startTls(argument);
            default:
                return error(500, "5.5.2 Command unrecognized");
        }
    }

    private boolean canStartTls() {
        return tlsUpgrader != null && !tls;
    }

    private boolean hello(boolean extended, String domain) throws IOException {
        if (domain.isEmpty() || domain.indexOf(' ') >= 0) {
            return error(501, "5.5.4 Syntax: " + (extended ? "EHLO" : "HELO") + " domain");
        }
        // RFC 5321 section 4.1.4: EHLO/HELO in a session is as if RSET came first.
        resetTransaction();
        greeted = true;
        if (!extended) {
            reply(250, config.serverName());
            return true;
        }
        List<String> lines = new ArrayList<>();
        lines.add(config.serverName() + " greets " + domain);
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
            return error(503, "5.5.1 Send EHLO or HELO first");
        }
        if (inTransaction) {
            return error(503, "5.5.1 Sender already given");
        }
        CommandParser.PathArgument path = CommandParser.parseMailArgument(argument);
        if (!path.ok()) {
            return error(path.errorCode(), path.errorText());
        }
        for (Map.Entry<String, String> parameter : path.parameters().entrySet()) {
            String value = parameter.getValue();
            switch (parameter.getKey()) {
                case "BODY":
                    if (!value.equalsIgnoreCase("7BIT") && !value.equalsIgnoreCase("8BITMIME")) {
                        return error(501, "5.5.4 BODY must be 7BIT or 8BITMIME");
                    }
                    break;
                case "SIZE":
                    long size = CommandParser.parseSize(value);
                    if (size < 0) {
                        return error(501, "5.5.4 SIZE must be a number");
                    }
                    if (size > config.maxMessageSize()) {
                        reply(552, "5.3.4 Message size exceeds fixed maximum message size");
                        return true;
                    }
                    break;
                default:
                    return error(555, "5.5.4 MAIL parameter not recognized or not implemented");
            }
        }
        reversePath = path.address();
        inTransaction = true;
        reply(250, "2.1.0 Sender OK");
        return true;
    }

    private boolean rcpt(String argument) throws IOException {
        if (!inTransaction) {
            return error(503, "5.5.1 Need MAIL before RCPT");
        }
        CommandParser.PathArgument path = CommandParser.parseRcptArgument(argument);
        if (!path.ok()) {
            return error(path.errorCode(), path.errorText());
        }
        if (!path.parameters().isEmpty()) {
            return error(555, "5.5.4 RCPT parameter not recognized or not implemented");
        }
        if (recipients.size() >= config.maxRecipients()) {
            reply(452, "4.5.3 Too many recipients");
            return true;
        }
        boolean accepted;
        try {
            accepted = handler.acceptsRecipient(path.address());
        } catch (RuntimeException e) {
            reply(451, "4.3.0 Local error in processing");
            return true;
        }
        if (!accepted) {
            reply(550, "5.1.1 Recipient refused");
            return true;
        }
        if (!recipients.contains(path.address())) {
            recipients.add(path.address());
        }
        reply(250, "2.1.5 Recipient OK");
        return true;
    }

    private boolean startTls(String argument) throws IOException {
        if (!argument.isEmpty()) {
            return error(501, "5.5.4 STARTTLS takes no argument");
        }
        if (!canStartTls()) {
            return error(502, "5.5.1 STARTTLS not available");
        }
        reply(220, "2.0.0 Ready to start TLS");
        // Anything pipelined behind STARTTLS was sent in plain text; it stays in the old reader and is
        // dropped, so it can never be taken for a command sent under TLS (CVE-2011-0411).
        Streams streams = tlsUpgrader.upgrade();
        tls = true;
        reader = new LineReader(streams.in(), config.maxLineLength());
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
        while (true) {
            int status;
            try {
                status = reader.readLine();
            } catch (SocketTimeoutException e) {
                resetTransaction();
                reply(421, "4.4.2 " + config.serverName() + " Idle timeout in DATA, closing connection");
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
                buffer = Arrays.copyOf(buffer, (int) Math.min(max, Math.max((long) size + add, buffer.length * 2L)));
            }
            System.arraycopy(line, from, buffer, size, length - from);
            size += length - from;
            buffer[size++] = '\r';
            buffer[size++] = '\n';
        }
        SmtpEnvelope envelope = SmtpEnvelope.of(reversePath, recipients);
        resetTransaction();
        if (tooLarge) {
            reply(552, "5.3.4 Message size exceeds fixed maximum message size");
        } else if (lineTooLong) {
            reply(500, "5.5.2 Line too long");
        } else if (bareLineEnd) {
            reply(554, "5.6.0 Bare CR or LF in message; lines must end with CR LF");
        } else {
            SmtpDeliveryOutcome outcome;
            try {
                outcome = handler.deliver(envelope, Arrays.copyOf(buffer, size));
            } catch (RuntimeException e) {
                outcome = null;
            }
            if (outcome == null) {
                reply(451, "4.3.0 Local error in processing");
            } else {
                reply(outcome.code(), outcome.text());
            }
        }
        return true;
    }

    private void resetTransaction() {
        inTransaction = false;
        reversePath = null;
        recipients.clear();
    }

    private boolean error(int code, String text) throws IOException {
        errors++;
        if (errors >= config.maxErrors()) {
            reply(421, "4.7.0 " + config.serverName() + " Too many errors, closing connection");
            return false;
        }
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
