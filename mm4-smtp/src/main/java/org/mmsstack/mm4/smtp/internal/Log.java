package org.mmsstack.mm4.smtp.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.mmsstack.mm4.smtp.SmtpEnvelope;
import org.mmsstack.mm4.smtp.SmtpPeer;
import org.mmsstack.mm4.smtp.SmtpReceiverListener;

/**
 * The receiver's logging through {@link System.Logger} (so no logging framework is forced on
 * users: the JDK routes it to java.util.logging, or to SLF4J/Log4j when their System.Logger
 * bridge is on the class path), and the guard around the user's listener: every event is logged
 * first, then passed on, and a listener that throws is logged and otherwise ignored.
 *
 * <p>Levels: accept failures and handler failures WARNING/ERROR; refused connections, TLS
 * failures and time limits INFO; everything per connection or per command DEBUG.
 */
public final class Log implements SmtpReceiverListener {
  /** The logger of the SMTP receiver. */
  public static final Logger LOGGER = System.getLogger("org.mmsstack.mm4.smtp.SmtpReceiver");

  private final SmtpReceiverListener delegate;

  /** Logs every event and passes it on to {@code delegate}. */
  public Log(SmtpReceiverListener delegate) {
    this.delegate = delegate;
  }

  /** A handler method threw: logged with its stack trace, since it is a bug in the application. */
  public static void handlerFailed(String method, InetSocketAddress peer, Throwable e) {
    LOGGER.log(
        Level.ERROR, () -> "SMTP handler " + method + " failed for " + peer + "; answered 451", e);
  }

  private void guard(Runnable call) {
    if (delegate == NONE) {
      return;
    }
    try {
      call.run();
    } catch (RuntimeException e) {
      LOGGER.log(Level.WARNING, "SMTP receiver listener failed", e);
    }
  }

  @Override
  public void connectionOpened(SmtpPeer peer) {
    LOGGER.log(Level.DEBUG, () -> "SMTP connection from " + peer.address());
    guard(() -> delegate.connectionOpened(peer));
  }

  @Override
  public void connectionRefused(InetSocketAddress address, String reason) {
    LOGGER.log(Level.INFO, () -> "SMTP connection from " + address + " refused: " + reason);
    guard(() -> delegate.connectionRefused(address, reason));
  }

  @Override
  public void connectionClosed(
      SmtpPeer peer, String reason, Duration duration, long bytesReceived) {
    Level level =
        reason.endsWith("-timeout")
                || reason.equals("data-rate")
                || reason.equals("too-many-errors")
            ? Level.INFO
            : Level.DEBUG;
    LOGGER.log(
        level,
        () ->
            "SMTP connection from "
                + peer.address()
                + " closed: "
                + reason
                + " after "
                + duration.toMillis()
                + " ms, "
                + bytesReceived
                + " octets received");
    guard(() -> delegate.connectionClosed(peer, reason, duration, bytesReceived));
  }

  @Override
  public void tlsEstablished(SmtpPeer peer) {
    LOGGER.log(Level.DEBUG, () -> "TLS with " + peer);
    guard(() -> delegate.tlsEstablished(peer));
  }

  @Override
  public void tlsFailed(InetSocketAddress address, Exception cause) {
    LOGGER.log(Level.INFO, () -> "TLS handshake with " + address + " failed: " + cause);
    guard(() -> delegate.tlsFailed(address, cause));
  }

  @Override
  public void commandRejected(SmtpPeer peer, String command, int code, String text) {
    LOGGER.log(
        Level.DEBUG,
        () -> "SMTP " + command + " from " + peer.address() + " answered " + code + " " + text);
    guard(() -> delegate.commandRejected(peer, command, code, text));
  }

  @Override
  public void messageAccepted(SmtpPeer peer, SmtpEnvelope envelope, long size) {
    LOGGER.log(
        Level.DEBUG,
        () ->
            "SMTP message from "
                + peer.address()
                + " accepted, "
                + size
                + " octets, "
                + envelope.recipients().size()
                + " recipients");
    guard(() -> delegate.messageAccepted(peer, envelope, size));
  }

  @Override
  public void messageRefused(SmtpPeer peer, SmtpEnvelope envelope, int code, String reason) {
    LOGGER.log(
        Level.DEBUG,
        () -> "SMTP message from " + peer.address() + " refused " + code + ": " + reason);
    guard(() -> delegate.messageRefused(peer, envelope, code, reason));
  }

  @Override
  public void acceptFailed(Exception cause, Duration backoff) {
    LOGGER.log(
        Level.WARNING,
        () -> "SMTP accept failed (" + cause + "); retrying in " + backoff.toMillis() + " ms");
    guard(() -> delegate.acceptFailed(cause, backoff));
  }
}
