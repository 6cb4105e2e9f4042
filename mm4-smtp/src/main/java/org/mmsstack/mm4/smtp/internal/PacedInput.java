package org.mmsstack.mm4.smtp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * The input of a receiver connection with the receiver's time limits applied to every read:
 * each read waits at most the idle timeout and never past the session deadline nor the deadline
 * of the current step (one command line, or the DATA content at a minimum rate). Per-read socket
 * timeouts alone cannot stop a peer that sends one octet just before each timeout (slowloris);
 * a deadline counts from the start of the step, whatever trickles in.
 *
 * <p>Used by one connection thread; not thread-safe.
 */
public final class PacedInput extends InputStream {
  /** Which limit a read ran into. */
  public enum Limit {
    /** Nothing arrived within the idle timeout. */
    IDLE,
    /** The command line was not complete within the command timeout. */
    COMMAND,
    /** The DATA content arrived slower than the minimum data rate. */
    DATA_RATE,
    /** The connection reached its session timeout. */
    SESSION
  }

  /** A read that ran into one of the limits; the connection should be closed with 421. */
  public static final class DeadlineException extends SocketTimeoutException {
    private static final long serialVersionUID = 1L;
    private final transient Limit limit;

    DeadlineException(Limit limit) {
      super("receiver limit reached: " + limit);
      this.limit = limit;
    }

    /** The limit reached. */
    public Limit limit() {
      return limit;
    }
  }

  private final long idleMillis;
  private final long sessionDeadline;
  private final long commandMillis;
  private final long minDataRate;
  private Socket socket;
  private InputStream in;
  private long stepDeadline = Long.MAX_VALUE;
  private Limit stepLimit = Limit.COMMAND;
  private long dataStart;
  private long dataBytes;
  private boolean inData;
  private long bytesRead;
  private int lastTimeout = -1;

  /**
   * @param idleMillis longest wait for any octet
   * @param sessionMillis longest life of the connection, from now
   * @param commandMillis longest time to receive one command line
   * @param minDataRate octets per second the DATA content must keep up after a grace of
   *     {@code commandMillis}; 0 for no rate limit
   */
  public PacedInput(
      Socket socket, long idleMillis, long sessionMillis, long commandMillis, long minDataRate)
      throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.idleMillis = idleMillis;
    this.sessionDeadline = saturatedAdd(System.nanoTime() / 1_000_000, sessionMillis);
    this.commandMillis = commandMillis;
    this.minDataRate = minDataRate;
  }

  /** Continues on a new socket layered over the old one (after STARTTLS). */
  public void rebind(Socket layered) throws IOException {
    this.socket = layered;
    this.in = layered.getInputStream();
    lastTimeout = -1;
  }

  /** Starts the deadline of the next command line. */
  public void startCommand() {
    inData = false;
    stepLimit = Limit.COMMAND;
    stepDeadline = saturatedAdd(now(), commandMillis);
  }

  /** Starts the DATA content: from here the minimum data rate applies. */
  public void startData() {
    inData = true;
    stepLimit = Limit.DATA_RATE;
    dataStart = now();
    dataBytes = 0;
    stepDeadline = minDataRate > 0 ? saturatedAdd(dataStart, commandMillis) : Long.MAX_VALUE;
  }

  /** Milliseconds until the session deadline (at least 1), for steps that read outside this stream (TLS handshakes). */
  public int sessionRemainingMillis() {
    long left = sessionDeadline - now();
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.min(left, idleMillis)));
  }

  /** Octets read so far on this connection. */
  public long bytesRead() {
    return bytesRead;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    long now = now();
    long limitAt = idleMillis + now;
    Limit limit = Limit.IDLE;
    if (stepDeadline < limitAt) {
      limitAt = stepDeadline;
      limit = stepLimit;
    }
    if (sessionDeadline < limitAt) {
      limitAt = sessionDeadline;
      limit = Limit.SESSION;
    }
    long wait = limitAt - now;
    if (wait <= 0) {
      throw new DeadlineException(limit);
    }
    int timeout = (int) Math.min(Integer.MAX_VALUE, wait);
    if (timeout != lastTimeout) {
      socket.setSoTimeout(timeout);
      lastTimeout = timeout;
    }
    int n;
    try {
      n = in.read(b, off, len);
    } catch (SocketTimeoutException e) {
      throw new DeadlineException(limit);
    }
    if (n > 0) {
      bytesRead += n;
      if (inData && minDataRate > 0) {
        dataBytes += n;
        // Each octet buys 1/minDataRate seconds beyond the grace period.
        stepDeadline = saturatedAdd(dataStart, commandMillis + dataBytes * 1000 / minDataRate);
      }
    }
    return n;
  }

  @Override
  public int available() throws IOException {
    return in.available();
  }

  private static long now() {
    return System.nanoTime() / 1_000_000;
  }

  private static long saturatedAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
  }
}
