package org.mmsstack.mm4.smtp;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.mmsstack.mm4.smtp.internal.AddressSyntax;

/**
 * Settings of an {@link SmtpClient}. Immutable and thread-safe; made with {@link #builder()}.
 * {@link #DEFAULT} is plain TCP, 30 s connect and 5 min read timeout (RFC 5321 section 4.5.3.2
 * suggests up to 10 min for the final reply after DATA), 15 min per transaction, and the RFC 5321
 * line limit of 998 octets.
 */
public final class SmtpClientConfig {
  /** Plain TCP with default timeouts. */
  public static final SmtpClientConfig DEFAULT = builder().build();

  private final String helloName;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration transactionTimeout;
  private final SmtpTlsMode tlsMode;
  private final SSLContext sslContext;
  private final boolean verifyHostname;
  private final int maxLineLength;
  private final int maxReplyLineLength;
  private final int maxReplyLines;

  private SmtpClientConfig(Builder b) {
    this.helloName = b.helloName;
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.transactionTimeout = b.transactionTimeout;
    this.tlsMode = b.tlsMode;
    this.sslContext = b.sslContext;
    this.verifyHostname = b.verifyHostname;
    this.maxLineLength = b.maxLineLength;
    this.maxReplyLineLength = b.maxReplyLineLength;
    this.maxReplyLines = b.maxReplyLines;
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.helloName = helloName;
    b.connectTimeout = connectTimeout;
    b.readTimeout = readTimeout;
    b.transactionTimeout = transactionTimeout;
    b.tlsMode = tlsMode;
    b.sslContext = sslContext;
    b.verifyHostname = verifyHostname;
    b.maxLineLength = maxLineLength;
    b.maxReplyLineLength = maxReplyLineLength;
    b.maxReplyLines = maxReplyLines;
    return b;
  }

  /** The EHLO/HELO argument; empty means the address literal of the local socket address. */
  public Optional<String> helloName() {
    return Optional.ofNullable(helloName);
  }

  /** Timeout of the TCP connect. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** Longest wait for any single reply (and for the TLS handshake). */
  public Duration readTimeout() {
    return readTimeout;
  }

  /**
   * Longest time for one whole step: {@link SmtpClient#connect} (TCP, greeting, EHLO, TLS) or
   * one {@link SmtpClient#send} (MAIL to the final reply). Read timeouts bound each wait; this
   * bounds their sum, so a server that drips its replies (or stops reading the content) cannot
   * hold the client beyond it: the connection is cut and the step fails with
   * {@link SmtpException.Reason#DEADLINE}. Default 15 min.
   */
  public Duration transactionTimeout() {
    return transactionTimeout;
  }

  /** Plain, STARTTLS or implicit TLS. */
  public SmtpTlsMode tlsMode() {
    return tlsMode;
  }

  /** The TLS context; empty means {@link SSLContext#getDefault()}. */
  public Optional<SSLContext> sslContext() {
    return Optional.ofNullable(sslContext);
  }

  /** Whether the server certificate must match the host name connected to (on by default). */
  public boolean verifyHostname() {
    return verifyHostname;
  }

  /** Longest message line accepted for sending, CRLF not counted (RFC 5321: 998). */
  public int maxLineLength() {
    return maxLineLength;
  }

  /** Longest reply line read from the server, CRLF not counted. */
  public int maxReplyLineLength() {
    return maxReplyLineLength;
  }

  /** Most lines in one multi-line reply. */
  public int maxReplyLines() {
    return maxReplyLines;
  }

  /**
   * Equal when every setting is; the TLS context compares by identity (an {@code SSLContext} has
   * no value equality).
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof SmtpClientConfig c
        && Objects.equals(helloName, c.helloName)
        && connectTimeout.equals(c.connectTimeout)
        && readTimeout.equals(c.readTimeout)
        && transactionTimeout.equals(c.transactionTimeout)
        && tlsMode == c.tlsMode
        && sslContext == c.sslContext
        && verifyHostname == c.verifyHostname
        && maxLineLength == c.maxLineLength
        && maxReplyLineLength == c.maxReplyLineLength
        && maxReplyLines == c.maxReplyLines;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        helloName,
        connectTimeout,
        readTimeout,
        transactionTimeout,
        tlsMode,
        System.identityHashCode(sslContext),
        verifyHostname,
        maxLineLength,
        maxReplyLineLength,
        maxReplyLines);
  }

  /** Every setting, for logs; the TLS context as whether one is set. */
  @Override
  public String toString() {
    return "SmtpClientConfig[helloName="
        + (helloName == null ? "(address literal)" : helloName)
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", transactionTimeout="
        + transactionTimeout
        + ", tlsMode="
        + tlsMode
        + ", sslContext="
        + (sslContext == null ? "default" : "set")
        + ", verifyHostname="
        + verifyHostname
        + ", maxLineLength="
        + maxLineLength
        + ", maxReplyLineLength="
        + maxReplyLineLength
        + ", maxReplyLines="
        + maxReplyLines
        + "]";
  }

  /** Builds an {@link SmtpClientConfig}. */
  public static final class Builder {
    private String helloName;
    private Duration connectTimeout = Duration.ofSeconds(30);
    private Duration readTimeout = Duration.ofMinutes(5);
    private Duration transactionTimeout = Duration.ofMinutes(15);
    private SmtpTlsMode tlsMode = SmtpTlsMode.NONE;
    private SSLContext sslContext;
    private boolean verifyHostname = true;
    private int maxLineLength = 998;
    private int maxReplyLineLength = 2048;
    private int maxReplyLines = 200;

    private Builder() {}

    /**
     * Sets the EHLO/HELO argument: a domain name or address literal; {@code null} for the address
     * literal of the local socket address (the default).
     *
     * @throws IllegalArgumentException when it is neither
     */
    public Builder helloName(String value) {
      if (value != null) {
        String problem = AddressSyntax.checkDomain(value);
        if (problem != null) {
          throw new IllegalArgumentException("helloName: '" + value + "': " + problem);
        }
      }
      this.helloName = value;
      return this;
    }

    /** Sets the TCP connect timeout (positive). */
    public Builder connectTimeout(Duration value) {
      this.connectTimeout = positive("connectTimeout", value);
      return this;
    }

    /** Sets the read timeout for every reply (positive). */
    public Builder readTimeout(Duration value) {
      this.readTimeout = positive("readTimeout", value);
      return this;
    }

    /** Sets the deadline of connecting and of each transaction (positive). */
    public Builder transactionTimeout(Duration value) {
      this.transactionTimeout = positive("transactionTimeout", value);
      return this;
    }

    /** Sets the TLS mode. */
    public Builder tlsMode(SmtpTlsMode value) {
      this.tlsMode = Objects.requireNonNull(value, "tlsMode");
      return this;
    }

    /** Sets the TLS context (trust store and key material); {@code null} for the JDK default. */
    public Builder sslContext(SSLContext value) {
      this.sslContext = value;
      return this;
    }

    /** Turns host name verification of the server certificate on or off. */
    public Builder verifyHostname(boolean value) {
      this.verifyHostname = value;
      return this;
    }

    /** Sets the longest message line the client agrees to send (at least 1). */
    public Builder maxLineLength(int value) {
      this.maxLineLength = atLeast("maxLineLength", value, 1);
      return this;
    }

    /** Sets the longest reply line read (at least 512, RFC 5321 section 4.5.3.1.5). */
    public Builder maxReplyLineLength(int value) {
      this.maxReplyLineLength = atLeast("maxReplyLineLength", value, 512);
      return this;
    }

    /** Sets the most lines one reply may have (at least 1). */
    public Builder maxReplyLines(int value) {
      this.maxReplyLines = atLeast("maxReplyLines", value, 1);
      return this;
    }

    /** Builds the configuration. */
    public SmtpClientConfig build() {
      return new SmtpClientConfig(this);
    }
  }

  static Duration positive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero() || value.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          name + ": " + value + " (expected: 1 ms ~ " + Integer.MAX_VALUE + " ms)");
    }
    return value;
  }

  static int atLeast(String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: >= " + min + ")");
    }
    return value;
  }

  static long atLeast(String name, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: >= " + min + ")");
    }
    return value;
  }
}
