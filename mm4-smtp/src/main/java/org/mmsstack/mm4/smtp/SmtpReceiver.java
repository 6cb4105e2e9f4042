package org.mmsstack.mm4.smtp;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.mmsstack.mm4.smtp.internal.Log;
import org.mmsstack.mm4.smtp.internal.NetworkAllowList;
import org.mmsstack.mm4.smtp.internal.PacedInput;
import org.mmsstack.mm4.smtp.internal.ServerSession;

/**
 * A small SMTP server (RFC 5321) that hands each complete message to an
 * {@link SmtpMessageHandler}; the handler's {@link SmtpDeliveryOutcome} becomes the reply to DATA.
 *
 * <p>Supports EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT, VRFY (252), HELP, PIPELINING,
 * 8BITMIME, SIZE, ENHANCEDSTATUSCODES and, given an SSL context, STARTTLS (RFC 3207) or implicit
 * TLS, with client certificates (mutual TLS) through {@link SmtpReceiverConfig#sslParameters()}.
 * Bad syntax is answered 500/501/555, bad order 503. A message that breaks a limit, contains a
 * bare CR or LF, or whose connection ends before the end-of-data mark never reaches the handler.
 * The handler's envelope carries the {@link SmtpPeer peer}: address, HELO name, TLS session and
 * verified client identity.
 *
 * <p>Built to face the open network (see {@link SmtpReceiverConfig} for every limit and its
 * default): each connection is served on its own thread, up to
 * {@link SmtpReceiverConfig#maxConnections()}, at most
 * {@link SmtpReceiverConfig#maxConnectionsPerPeer()} from one address and, once the receiver is
 * half full, no more than a fair share per address; others get 421 and are closed. Each command
 * line must arrive within the command timeout, DATA at the minimum rate, and the whole connection
 * ends at the session timeout, so a peer that drips octets cannot keep a slot; a TLS handshake
 * must finish within the command timeout. Failing accepts
 * (too many open files) are logged and retried with an exponential back-off instead of spinning.
 * Everything is logged through {@link System.Logger} (logger
 * {@code org.mmsstack.mm4.smtp.SmtpReceiver}) and reported to the configuration's
 * {@link SmtpReceiverListener}.
 *
 * <p>Thread-safe. {@link #close()} stops listening, closes every connection and waits for the
 * connection threads to end.
 *
 * <pre>{@code
 * try (SmtpReceiver receiver = SmtpReceiver.start(SmtpReceiverConfig.builder().build(),
 *         (envelope, message) -> {
 *             queue.add(message);
 *             return SmtpDeliveryOutcome.accepted();
 *         })) {
 *     int port = receiver.port();
 *     ...
 * }
 * }</pre>
 */
public final class SmtpReceiver implements AutoCloseable {
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  /** First pause after a failed accept; doubled on each further failure up to the configured maximum. */
  private static final long FIRST_BACKOFF_MILLIS = 10;

  /** Time a connection gets after its session deadline to finish writing before it is cut. */
  private static final long HARD_CLOSE_GRACE_MILLIS = 5_000;

  private final SmtpReceiverConfig config;
  private final SmtpMessageHandler handler;
  private final ServerSocket serverSocket;
  private final ThreadPoolExecutor executor;
  private final ScheduledThreadPoolExecutor watchdog;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final Map<InetAddress, Integer> perPeer = new HashMap<>();
  private final NetworkAllowList allowList;
  private final Log log;
  private final Thread acceptor;
  private int active;
  private volatile boolean closed;

  private SmtpReceiver(
      SmtpReceiverConfig config, SmtpMessageHandler handler, ServerSocket serverSocket) {
    this.config = config;
    this.handler = handler;
    this.serverSocket = serverSocket;
    this.allowList = NetworkAllowList.of(config.allowedNetworks());
    this.log = new Log(config.listener());
    int instance = INSTANCES.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    // No queue: a connection is either served at once or refused, never left waiting unanswered.
    this.executor =
        new ThreadPoolExecutor(
            0,
            config.maxConnections(),
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t =
                  new Thread(r, "smtp-receiver-" + instance + "-conn-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    // Cuts connections that outlive their session deadline in a write or TLS handshake, where
    // no read timeout applies (a peer that stops reading can block a write for ever).
    this.watchdog =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "smtp-receiver-" + instance + "-watchdog");
              t.setDaemon(true);
              return t;
            });
    this.watchdog.setRemoveOnCancelPolicy(true);
    this.acceptor = new Thread(this::acceptLoop, "smtp-receiver-" + instance + "-accept");
    this.acceptor.setDaemon(true);
  }

  /**
   * Binds and starts accepting connections.
   *
   * @throws IOException when the address cannot be bound
   */
  public static SmtpReceiver start(SmtpReceiverConfig config, SmtpMessageHandler handler)
      throws IOException {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(handler, "handler");
    ServerSocket serverSocket = new ServerSocket();
    try {
      serverSocket.bind(new InetSocketAddress(config.bindAddress(), config.port()), 50);
    } catch (IOException e) {
      serverSocket.close();
      throw e;
    }
    return start(config, handler, serverSocket);
  }

  /** Starts on an already bound server socket (tests use one whose accept fails). */
  static SmtpReceiver start(
      SmtpReceiverConfig config, SmtpMessageHandler handler, ServerSocket bound) {
    SmtpReceiver receiver = new SmtpReceiver(config, handler, bound);
    receiver.acceptor.start();
    return receiver;
  }

  /** The port the receiver listens on (the one picked when the configuration said 0). */
  public int port() {
    return serverSocket.getLocalPort();
  }

  /** The address and port the receiver listens on. */
  public InetSocketAddress localAddress() {
    return (InetSocketAddress) serverSocket.getLocalSocketAddress();
  }

  /** Connections being served now. */
  public synchronized int activeConnections() {
    return active;
  }

  private void acceptLoop() {
    long backoff = 0;
    while (!closed) {
      Socket socket;
      try {
        socket = serverSocket.accept();
        backoff = 0;
      } catch (IOException e) {
        if (closed) {
          return;
        }
        // EMFILE/ENFILE and the like: accepting again at once would fail again and spin a
        // core; wait, longer each time, and say so.
        backoff =
            backoff == 0
                ? FIRST_BACKOFF_MILLIS
                : Math.min(backoff * 2, config.acceptBackoff().toMillis());
        log.acceptFailed(e, Duration.ofMillis(backoff));
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException interrupted) {
          return;
        }
        continue;
      }
      admit(socket);
    }
  }

  private void admit(Socket socket) {
    InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
    InetAddress address = socket.getInetAddress();
    if (!allowList.allows(address)) {
      refuse(
          socket,
          "554 5.7.1 " + config.serverName() + " Access denied",
          remote,
          "peer-not-allowed");
      return;
    }
    String refusal = reserve(address);
    if (refusal != null) {
      refuse(
          socket,
          "421 4.3.2 "
              + config.serverName()
              + " Too many connections"
              + (refusal.endsWith("peer") ? " from your address" : "")
              + ", try again later",
          remote,
          refusal);
      return;
    }
    connections.add(socket);
    try {
      executor.execute(() -> serve(socket, remote));
    } catch (RejectedExecutionException e) {
      connections.remove(socket);
      release(address);
      refuse(
          socket,
          "421 4.3.2 " + config.serverName() + " Too many connections, try again later",
          remote,
          "too-many-connections");
    }
  }

  /** Takes a slot for {@code address}, or says why not. */
  private synchronized String reserve(InetAddress address) {
    int mine = perPeer.getOrDefault(address, 0);
    if (active >= config.maxConnections()) {
      return "too-many-connections";
    }
    if (mine >= config.maxConnectionsPerPeer()) {
      return "too-many-connections-from-peer";
    }
    // Fair share: when the receiver is at least half full, an address already holding its share
    // of all slots among the addresses connected (itself included) must wait.
    int peers = perPeer.size() + (mine == 0 ? 1 : 0);
    if (active * 2 >= config.maxConnections()
        && mine > 0
        && mine >= config.maxConnections() / peers) {
      return "too-many-connections-from-peer";
    }
    active++;
    perPeer.put(address, mine + 1);
    return null;
  }

  private synchronized void release(InetAddress address) {
    active--;
    perPeer.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
  }

  private void refuse(Socket socket, String reply, InetSocketAddress remote, String reason) {
    log.connectionRefused(remote, reason);
    try (socket) {
      socket.setSoTimeout(1000);
      socket.getOutputStream().write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
    } catch (IOException ignored) {
      // The client is gone; nothing to tell it.
    }
  }

  private void serve(Socket plain, InetSocketAddress remote) {
    long started = System.nanoTime();
    ScheduledFuture<?> hardClose =
        watchdog.schedule(
            () -> closeQuietly(plain),
            config.sessionTimeout().toMillis() + HARD_CLOSE_GRACE_MILLIS,
            TimeUnit.MILLISECONDS);
    ServerSession session =
        new ServerSession(config, handler, null, false).connection(remote, null, null);
    PacedInput paced = null;
    String reason = "peer-closed";
    try {
      // SMTP is lock-step: every reply is one flushed line the client waits for. With Nagle's
      // algorithm on, a reply written after a small earlier segment waits for the client's
      // delayed ACK (about 40 ms) on every command.
      plain.setTcpNoDelay(true);
      paced =
          new PacedInput(
              plain,
              config.idleTimeout().toMillis(),
              config.sessionTimeout().toMillis(),
              config.commandTimeout().toMillis(),
              config.minDataRate());
      Socket socket = plain;
      SSLSocket implicit = null;
      if (config.implicitTls()) {
        try {
          implicit = wrapTls(plain, paced);
        } catch (IOException e) {
          log.tlsFailed(remote, e);
          reason = "tls-failed";
          return;
        }
        socket = implicit;
        paced.rebind(implicit);
      }
      PacedInput input = paced;
      ServerSession.TlsUpgrader upgrader =
          config.sslContext().isEmpty() || implicit != null
              ? null
              : () -> {
                SSLSocket ssl = wrapTls(plain, input);
                input.rebind(ssl);
                return new ServerSession.Streams(
                    input, new BufferedOutputStream(ssl.getOutputStream()), ssl.getSession());
              };
      session =
          new ServerSession(config, handler, upgrader, implicit != null)
              .connection(remote, paced, implicit == null ? null : implicit.getSession());
      log.connectionOpened(session.peer());
      if (implicit != null) {
        log.tlsEstablished(session.peer());
      }
      session.run(paced, new BufferedOutputStream(socket.getOutputStream()));
      reason = session.closeReason();
    } catch (IOException e) {
      // The connection failed (reset, write error): it only ends this session.
      reason = closed ? "receiver-closed" : "io-error";
    } finally {
      hardClose.cancel(false);
      closeQuietly(plain);
      connections.remove(plain);
      release(plain.getInetAddress());
      log.connectionClosed(
          session.peer(),
          reason,
          Duration.ofNanos(System.nanoTime() - started),
          paced == null ? 0 : paced.bytesRead());
    }
  }

  private SSLSocket wrapTls(Socket socket, PacedInput paced) throws IOException {
    SSLSocket ssl =
        (SSLSocket)
            config
                .sslContext()
                .orElseThrow()
                .getSocketFactory()
                .createSocket(
                    socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
    ssl.setUseClientMode(false);
    SSLParameters parameters = config.sslParameters().orElse(null);
    if (parameters != null) {
      ssl.setSSLParameters(parameters);
    }
    // The handshake reads outside the paced stream: each read is bounded by the idle timeout and
    // the session deadline, and the whole handshake, like a command, by the command timeout.
    ssl.setSoTimeout(paced.sessionRemainingMillis());
    ScheduledFuture<?> cut =
        watchdog.schedule(
            () -> closeQuietly(socket), config.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
    try {
      ssl.startHandshake();
    } finally {
      cut.cancel(false);
    }
    return ssl;
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // Closing anyway.
    }
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Stops accepting, closes all open connections (a message in transfer is not delivered) and
   * waits up to 10 seconds for the connection threads to finish.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      serverSocket.close();
    } catch (IOException ignored) {
      // Closing anyway.
    }
    for (Socket s : connections) {
      closeQuietly(s);
    }
    executor.shutdownNow();
    watchdog.shutdownNow();
    acceptor.interrupt();
    try {
      acceptor.join(10_000);
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
