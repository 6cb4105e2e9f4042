package org.mmsstack.mm4.smtp;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Observes what an {@link SmtpReceiver} does, for metrics and audit: connections, TLS
 * handshakes, refused commands and the fate of every message. All methods do nothing by default;
 * implement the ones you need.
 *
 * <p>Called synchronously on the receiver's threads (the accept thread for
 * {@link #connectionRefused} and {@link #acceptFailed}, the connection's thread for the rest),
 * so one listener sees calls from many threads at once: it must be thread-safe, and it must be
 * quick, because the connection waits for it. An exception thrown by a listener is logged and
 * otherwise ignored; it never changes the SMTP dialogue. README ("Observing the receiver") shows
 * how to bind Micrometer counters and timers to it.
 */
public interface SmtpReceiverListener {
  /** A listener that ignores everything. */
  SmtpReceiverListener NONE = new SmtpReceiverListener() {};

  /** A connection was admitted and will be served. */
  default void connectionOpened(SmtpPeer peer) {}

  /**
   * A connection was refused before any dialogue: the receiver or this peer's share of it is
   * full, or the peer's address is not on the allow-list.
   *
   * @param reason one of {@code too-many-connections}, {@code too-many-connections-from-peer},
   *     {@code peer-not-allowed}
   */
  default void connectionRefused(InetSocketAddress address, String reason) {}

  /**
   * A served connection ended.
   *
   * @param reason {@code quit}, {@code peer-closed}, {@code too-many-errors}, {@code idle-timeout},
   *     {@code command-timeout}, {@code data-rate}, {@code session-timeout}, {@code tls-failed},
   *     {@code peer-not-allowed}, {@code io-error} or {@code receiver-closed}
   * @param bytesReceived octets read from the peer on this connection
   */
  default void connectionClosed(
      SmtpPeer peer, String reason, Duration duration, long bytesReceived) {}

  /** A TLS handshake (STARTTLS or implicit TLS) succeeded; {@code peer} carries the session. */
  default void tlsEstablished(SmtpPeer peer) {}

  /** A TLS handshake failed; the connection is closed. */
  default void tlsFailed(InetSocketAddress address, Exception cause) {}

  /**
   * A command was answered with a 4yz or 5yz reply (bad syntax, bad order, policy).
   *
   * @param command the command verb as sent, upper case ({@code UNKNOWN} when not recognised)
   */
  default void commandRejected(SmtpPeer peer, String command, int code, String text) {}

  /** The handler accepted a message: {@code size} octets after dot-unstuffing. */
  default void messageAccepted(SmtpPeer peer, SmtpEnvelope envelope, long size) {}

  /**
   * A complete DATA transfer was refused: by a receiver limit ({@code too-large},
   * {@code line-too-long}, {@code bare-line-end}), or by the handler ({@code handler} with its
   * reply code, {@code handler-failed} when it threw).
   */
  default void messageRefused(SmtpPeer peer, SmtpEnvelope envelope, int code, String reason) {}

  /**
   * Accepting a connection failed (for example too many open files); the receiver waits
   * {@code backoff} before it tries again.
   */
  default void acceptFailed(Exception cause, Duration backoff) {}
}
