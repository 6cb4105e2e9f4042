package org.mmsstack.mm4.smtp;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocket;
import org.mmsstack.mm4.smtp.internal.ServerSession;

/**
 * A small SMTP server (RFC 5321) that hands each complete message to an
 * {@link SmtpMessageHandler}; the handler's {@link SmtpDeliveryOutcome} becomes the reply to DATA.
 *
 * <p>Supports EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT, VRFY (252), HELP, 8BITMIME, SIZE,
 * ENHANCEDSTATUSCODES and, given an SSL context, STARTTLS (RFC 3207) or implicit TLS. Bad syntax
 * is answered 500/501/555, bad order 503. Every connection is bounded by the limits of
 * {@link SmtpReceiverConfig}: line length, message size, recipients, idle time, bad commands;
 * a message that breaks a limit, contains a bare CR or LF, or whose connection ends before the
 * end-of-data mark never reaches the handler.
 *
 * <p>Each connection is served on its own thread, up to {@link SmtpReceiverConfig#maxConnections()};
 * further connections get 421 and are closed. {@link #close()} stops listening, closes every
 * connection and waits for the connection threads to end.
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

    private final SmtpReceiverConfig config;
    private final SmtpMessageHandler handler;
    private final ServerSocket serverSocket;
    private final ThreadPoolExecutor executor;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private SmtpReceiver(SmtpReceiverConfig config, SmtpMessageHandler handler, ServerSocket serverSocket) {
        this.config = config;
        this.handler = handler;
        this.serverSocket = serverSocket;
        int instance = INSTANCES.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        // No queue: a connection is either served at once or refused, never left waiting unanswered.
        this.executor = new ThreadPoolExecutor(0, config.maxConnections(), 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "smtp-receiver-" + instance + "-conn-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.acceptor = new Thread(this::acceptLoop, "smtp-receiver-" + instance + "-accept");
        this.acceptor.setDaemon(true);
    }

    /**
     * Binds and starts accepting connections.
     *
     * @throws IOException when the address cannot be bound
     */
    public static SmtpReceiver start(SmtpReceiverConfig config, SmtpMessageHandler handler) throws IOException {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(handler, "handler");
        ServerSocket serverSocket = new ServerSocket();
        try {
            serverSocket.bind(new InetSocketAddress(config.bindAddress(), config.port()), 50);
        } catch (IOException e) {
            serverSocket.close();
            throw e;
        }
        SmtpReceiver receiver = new SmtpReceiver(config, handler, serverSocket);
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

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue; // a failed accept (e.g. a reset before accept) must not stop the server
            }
            connections.add(socket);
            try {
                executor.execute(() -> serve(socket));
            } catch (RejectedExecutionException e) {
                refuse(socket);
            }
        }
    }

    private void refuse(Socket socket) {
        try (socket) {
            socket.setSoTimeout(1000);
            socket.getOutputStream().write(("421 4.3.2 " + config.serverName()
                    + " Too many connections, try again later\r\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException ignored) {
            // The client is gone; nothing to tell it.
        } finally {
            connections.remove(socket);
        }
    }

    private void serve(Socket plain) {
        Socket socket = plain;
        try {
            socket.setSoTimeout((int) config.idleTimeout().toMillis());
            boolean tls = false;
            if (config.implicitTls()) {
                socket = wrapTls(plain);
                tls = true;
            }
            Socket current = socket;
            ServerSession.TlsUpgrader upgrader = config.sslContext() == null || tls ? null : () -> {
                SSLSocket ssl = wrapTls(current);
                return new ServerSession.Streams(ssl.getInputStream(), new BufferedOutputStream(ssl.getOutputStream()));
            };
            new ServerSession(config, handler, upgrader, tls)
                    .run(socket.getInputStream(), new BufferedOutputStream(socket.getOutputStream()));
        } catch (IOException e) {
            // The connection failed (reset, TLS handshake, write error): it only ends this session.
        } finally {
            try {
                plain.close();
            } catch (IOException ignored) {
                // Already closing.
            }
            connections.remove(plain);
        }
    }

    private SSLSocket wrapTls(Socket socket) throws IOException {
        SSLSocket ssl = (SSLSocket) config.sslContext().getSocketFactory()
                .createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
        ssl.setUseClientMode(false);
        ssl.startHandshake();
        return ssl;
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
            try {
                s.close();
            } catch (SocketException ignored) {
                // Already closed by its own thread.
            } catch (IOException ignored) {
                // Closing anyway.
            }
        }
        executor.shutdownNow();
        try {
            acceptor.join(10_000);
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
