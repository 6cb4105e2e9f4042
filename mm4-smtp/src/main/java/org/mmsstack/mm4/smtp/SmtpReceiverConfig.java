package org.mmsstack.mm4.smtp;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.mmsstack.mm4.smtp.internal.AddressSyntax;
import org.mmsstack.mm4.smtp.internal.NetworkAllowList;
import org.mmsstack.mm4.smtp.internal.TlsParameters;

/**
 * Settings and limits of an {@link SmtpReceiver}. Immutable and thread-safe; made with
 * {@link #builder()} or {@link #toBuilder()}.
 * Every limit protects the receiver against a hostile or broken client and is checked before
 * memory is allocated for the input it bounds.
 */
public final class SmtpReceiverConfig {
  private final InetAddress bindAddress;
  private final int port;
  private final String serverName;
  private final int maxLineLength;
  private final long maxMessageSize;
  private final int maxRecipients;
  private final Duration idleTimeout;
  private final int maxConnections;
  private final int maxErrors;
  private final SSLContext sslContext;
  private final boolean implicitTls;
  private final SSLParameters sslParameters;
  private final boolean requireTls;
  private final Duration sessionTimeout;
  private final Duration commandTimeout;
  private final long minDataRate;
  private final int maxConnectionsPerPeer;
  private final int maxConnectionsPerPeerSetting;
  private final Duration acceptBackoff;
  private final List<String> allowedNetworks;
  private final Set<String> allowedClientNames;
  private final SmtpReceiverListener listener;

  private SmtpReceiverConfig(Builder b) {
    this.bindAddress = b.bindAddress;
    this.port = b.port;
    this.serverName = b.serverName;
    this.maxLineLength = b.maxLineLength;
    this.maxMessageSize = b.maxMessageSize;
    this.maxRecipients = b.maxRecipients;
    this.idleTimeout = b.idleTimeout;
    this.maxConnections = b.maxConnections;
    this.maxErrors = b.maxErrors;
    this.sslContext = b.sslContext;
    this.implicitTls = b.implicitTls;
    this.sslParameters = b.sslParameters;
    this.requireTls = b.requireTls;
    this.sessionTimeout = b.sessionTimeout;
    this.commandTimeout = b.commandTimeout;
    this.minDataRate = b.minDataRate;
    this.maxConnectionsPerPeer =
        b.maxConnectionsPerPeer > 0
            ? Math.min(b.maxConnectionsPerPeer, b.maxConnections)
            : Math.max(1, b.maxConnections / 4);
    this.maxConnectionsPerPeerSetting = b.maxConnectionsPerPeer;
    this.acceptBackoff = b.acceptBackoff;
    this.allowedNetworks = b.allowedNetworks;
    this.allowedClientNames = b.allowedClientNames;
    this.listener = b.listener;
  }

  /** The defaults (see {@link #builder()}). */
  public static final SmtpReceiverConfig DEFAULT = builder().build();

  /** A builder holding this configuration's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.bindAddress = bindAddress;
    b.port = port;
    b.serverName = serverName;
    b.maxLineLength = maxLineLength;
    b.maxMessageSize = maxMessageSize;
    b.maxRecipients = maxRecipients;
    b.idleTimeout = idleTimeout;
    b.maxConnections = maxConnections;
    b.maxErrors = maxErrors;
    b.sslContext = sslContext;
    b.implicitTls = implicitTls;
    b.sslParameters = sslParameters;
    b.requireTls = requireTls;
    b.sessionTimeout = sessionTimeout;
    b.commandTimeout = commandTimeout;
    b.minDataRate = minDataRate;
    b.maxConnectionsPerPeer = maxConnectionsPerPeerSetting;
    b.acceptBackoff = acceptBackoff;
    b.allowedNetworks = allowedNetworks;
    b.allowedClientNames = allowedClientNames;
    b.listener = listener;
    return b;
  }

  /**
   * A builder with the defaults: loopback, any free port, 10 MiB messages, 100 recipients, 16
   * connections of which at most 4 from one address, 5 min idle and command timeout, 30 min
   * per connection, at least 1024 octets/s in DATA after the first 5 min, no TLS.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The address to listen on (default: the loopback address). */
  public InetAddress bindAddress() {
    return bindAddress;
  }

  /** The port to listen on; 0 (the default) picks a free one, see {@link SmtpReceiver#port()}. */
  public int port() {
    return port;
  }

  /** The name in the greeting and EHLO reply. */
  public String serverName() {
    return serverName;
  }

  /** Longest command or text line, CR LF not counted (RFC 5321 section 4.5.3.1: 998 for text). */
  public int maxLineLength() {
    return maxLineLength;
  }

  /** Largest message accepted, in octets after dot-unstuffing; announced with SIZE. */
  public long maxMessageSize() {
    return maxMessageSize;
  }

  /** Most RCPT TO per transaction (RFC 5321 section 4.5.3.1.8 asks for at least 100). */
  public int maxRecipients() {
    return maxRecipients;
  }

  /** How long a connection may stay silent (no octet at all) before it is closed with 421. */
  public Duration idleTimeout() {
    return idleTimeout;
  }

  /**
   * Most connections served at once; more are answered 421 and closed. Once half of them are in
   * use, an address that already holds its fair share (this number divided by the addresses
   * connected) gets no more, so that one peer cannot fill the receiver.
   */
  public int maxConnections() {
    return maxConnections;
  }

  /** Most bad commands on one connection before it is closed with 421. */
  public int maxErrors() {
    return maxErrors;
  }

  /** The TLS context; empty for none. With one, STARTTLS is offered (or TLS is implicit). */
  public Optional<SSLContext> sslContext() {
    return Optional.ofNullable(sslContext);
  }

  /** Whether connections speak TLS from the first byte (needs {@link #sslContext()}). */
  public boolean implicitTls() {
    return implicitTls;
  }

  /**
   * The TLS parameters of the server side: protocols, cipher suites and, for mutual TLS,
   * {@link SSLParameters#setNeedClientAuth(boolean) needClientAuth}; empty for the context's
   * defaults. A copy: changing it does not change this configuration.
   */
  public Optional<SSLParameters> sslParameters() {
    return Optional.ofNullable(sslParameters).map(TlsParameters::copy);
  }

  /**
   * Whether MAIL is refused (530 5.7.0) until the connection is protected by TLS (RFC 3207
   * section 4); STARTTLS is then the only way forward for a plain connection.
   */
  public boolean requireTls() {
    return requireTls;
  }

  /**
   * Longest life of one connection, however busy; at the end it is closed with 421 (a message
   * in transfer is not delivered). Stops a peer that keeps a slot by sending NOOPs forever.
   */
  public Duration sessionTimeout() {
    return sessionTimeout;
  }

  /**
   * Longest time to receive one command line, counted from its first octet's wait; also the
   * grace period at the start of DATA. Stops a peer that drips a command one octet at a time.
   */
  public Duration commandTimeout() {
    return commandTimeout;
  }

  /**
   * Octets per second the DATA content must keep up, on average from its start, once the
   * {@link #commandTimeout() grace period} is over; 0 turns the check off.
   */
  public long minDataRate() {
    return minDataRate;
  }

  /** Most connections served at once from one IP address (default: a quarter of {@link #maxConnections()}). */
  public int maxConnectionsPerPeer() {
    return maxConnectionsPerPeer;
  }

  /**
   * Longest pause of the accept loop after failed accepts (for example too many open files):
   * it starts at 10 ms and doubles up to this value, and each failure is logged.
   */
  public Duration acceptBackoff() {
    return acceptBackoff;
  }

  /**
   * The networks (CIDR, e.g. {@code 192.0.2.0/24}, {@code 2001:db8::/32}, or single addresses)
   * connections are accepted from; others get 554 and are closed at once. Empty (the default)
   * allows every address.
   */
  public List<String> allowedNetworks() {
    return allowedNetworks;
  }

  /**
   * The client identities allowed to send mail: names matched against the DNS subjectAltNames
   * and subject common names of the client certificate verified by the TLS handshake (see
   * {@link SmtpPeer#identityNames()}). When not empty, MAIL is refused with 530 5.7.0 until TLS
   * with a client certificate is up, and with 550 5.7.1 for a certificate naming none of them;
   * configure {@link #sslParameters()} with {@code needClientAuth} (or {@code wantClientAuth})
   * and an SSL context that trusts the peers' issuer. Empty (the default) checks nothing.
   */
  public Set<String> allowedClientNames() {
    return allowedClientNames;
  }

  /** The observer of connections, TLS, rejections and messages ({@link SmtpReceiverListener#NONE} by default). */
  public SmtpReceiverListener listener() {
    return listener;
  }

  /**
   * Equal when every setting is; the TLS context and parameters and the listener compare by
   * identity (they have no value equality).
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof SmtpReceiverConfig c
        && Objects.equals(bindAddress, c.bindAddress)
        && port == c.port
        && Objects.equals(serverName, c.serverName)
        && maxLineLength == c.maxLineLength
        && maxMessageSize == c.maxMessageSize
        && maxRecipients == c.maxRecipients
        && Objects.equals(idleTimeout, c.idleTimeout)
        && maxConnections == c.maxConnections
        && maxErrors == c.maxErrors
        && sslContext == c.sslContext
        && implicitTls == c.implicitTls
        && sslParameters == c.sslParameters
        && requireTls == c.requireTls
        && Objects.equals(sessionTimeout, c.sessionTimeout)
        && Objects.equals(commandTimeout, c.commandTimeout)
        && minDataRate == c.minDataRate
        && maxConnectionsPerPeerSetting == c.maxConnectionsPerPeerSetting
        && Objects.equals(acceptBackoff, c.acceptBackoff)
        && Objects.equals(allowedNetworks, c.allowedNetworks)
        && Objects.equals(allowedClientNames, c.allowedClientNames)
        && listener == c.listener;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        bindAddress,
        port,
        serverName,
        maxLineLength,
        maxMessageSize,
        maxRecipients,
        idleTimeout,
        maxConnections,
        maxErrors,
        System.identityHashCode(sslContext),
        implicitTls,
        System.identityHashCode(sslParameters),
        requireTls,
        sessionTimeout,
        commandTimeout,
        minDataRate,
        maxConnectionsPerPeerSetting,
        acceptBackoff,
        allowedNetworks,
        allowedClientNames,
        System.identityHashCode(listener));
  }

  /** Every setting, for logs; the TLS context and parameters and the listener as whether set. */
  @Override
  public String toString() {
    return "SmtpReceiverConfig["
        + "bindAddress="
        + bindAddress
        + ", port="
        + port
        + ", serverName="
        + serverName
        + ", maxLineLength="
        + maxLineLength
        + ", maxMessageSize="
        + maxMessageSize
        + ", maxRecipients="
        + maxRecipients
        + ", idleTimeout="
        + idleTimeout
        + ", maxConnections="
        + maxConnections
        + ", maxErrors="
        + maxErrors
        + ", sslContext="
        + (sslContext == null ? "none" : "set")
        + ", implicitTls="
        + implicitTls
        + ", sslParameters="
        + (sslParameters == null ? "none" : "set")
        + ", requireTls="
        + requireTls
        + ", sessionTimeout="
        + sessionTimeout
        + ", commandTimeout="
        + commandTimeout
        + ", minDataRate="
        + minDataRate
        + ", maxConnectionsPerPeer="
        + maxConnectionsPerPeer
        + ", acceptBackoff="
        + acceptBackoff
        + ", allowedNetworks="
        + allowedNetworks
        + ", allowedClientNames="
        + allowedClientNames
        + ", listener="
        + (listener == SmtpReceiverListener.NONE ? "none" : "set")
        + "]";
  }

  /** Builds an {@link SmtpReceiverConfig}. */
  public static final class Builder {
    private InetAddress bindAddress = InetAddress.getLoopbackAddress();
    private int port;
    private String serverName = "localhost";
    private int maxLineLength = 998;
    private long maxMessageSize = 10L * 1024 * 1024;
    private int maxRecipients = 100;
    private Duration idleTimeout = Duration.ofMinutes(5);
    private int maxConnections = 16;
    private int maxErrors = 10;
    private SSLContext sslContext;
    private boolean implicitTls;
    private SSLParameters sslParameters;
    private boolean requireTls;
    private Duration sessionTimeout = Duration.ofMinutes(30);
    private Duration commandTimeout = Duration.ofMinutes(5);
    private long minDataRate = 1024;
    private int maxConnectionsPerPeer;
    private Duration acceptBackoff = Duration.ofSeconds(1);
    private List<String> allowedNetworks = List.of();
    private Set<String> allowedClientNames = Set.of();
    private SmtpReceiverListener listener = SmtpReceiverListener.NONE;

    private Builder() {}

    /** Sets the listening address. */
    public Builder bindAddress(InetAddress value) {
      this.bindAddress = Objects.requireNonNull(value, "bindAddress");
      return this;
    }

    /** Sets the listening port (0 for any free port). */
    public Builder port(int value) {
      if (value < 0 || value > 65535) {
        throw new IllegalArgumentException("port: " + value + " (expected: 0 ~ 65535)");
      }
      this.port = value;
      return this;
    }

    /** Sets the server's domain name, used in replies. */
    public Builder serverName(String value) {
      String problem = AddressSyntax.checkDomain(Objects.requireNonNull(value, "serverName"));
      if (problem != null) {
        throw new IllegalArgumentException("serverName: '" + value + "': " + problem);
      }
      this.serverName = value;
      return this;
    }

    /** Sets the longest line, at least 510 (RFC 5321 command lines are up to 512 with CR LF). */
    public Builder maxLineLength(int value) {
      this.maxLineLength = SmtpClientConfig.atLeast("maxLineLength", value, 510);
      return this;
    }

    /** Sets the largest message in octets (at least 1). */
    public Builder maxMessageSize(long value) {
      this.maxMessageSize = SmtpClientConfig.atLeast("maxMessageSize", value, 1L);
      return this;
    }

    /** Sets the most recipients per transaction (at least 1). */
    public Builder maxRecipients(int value) {
      this.maxRecipients = SmtpClientConfig.atLeast("maxRecipients", value, 1);
      return this;
    }

    /** Sets the idle timeout (positive). */
    public Builder idleTimeout(Duration value) {
      this.idleTimeout = SmtpClientConfig.positive("idleTimeout", value);
      return this;
    }

    /** Sets the most concurrent connections (at least 1). */
    public Builder maxConnections(int value) {
      this.maxConnections = SmtpClientConfig.atLeast("maxConnections", value, 1);
      return this;
    }

    /** Sets the most bad commands per connection (at least 1). */
    public Builder maxErrors(int value) {
      this.maxErrors = SmtpClientConfig.atLeast("maxErrors", value, 1);
      return this;
    }

    /** Sets the TLS context; {@code null} turns TLS off. */
    public Builder sslContext(SSLContext value) {
      this.sslContext = value;
      return this;
    }

    /** Makes connections TLS from the first byte instead of offering STARTTLS. */
    public Builder implicitTls(boolean value) {
      this.implicitTls = value;
      return this;
    }

    /** Sets the server-side TLS parameters (copied); {@code null} for the context's defaults. */
    public Builder sslParameters(SSLParameters value) {
      this.sslParameters = value == null ? null : TlsParameters.copy(value);
      return this;
    }

    /** Refuses MAIL until TLS is up (needs {@link #sslContext(SSLContext)}). */
    public Builder requireTls(boolean value) {
      this.requireTls = value;
      return this;
    }

    /** Sets the longest life of a connection (positive). */
    public Builder sessionTimeout(Duration value) {
      this.sessionTimeout = SmtpClientConfig.positive("sessionTimeout", value);
      return this;
    }

    /** Sets the longest time for one command line, and the DATA grace period (positive). */
    public Builder commandTimeout(Duration value) {
      this.commandTimeout = SmtpClientConfig.positive("commandTimeout", value);
      return this;
    }

    /** Sets the minimum DATA rate in octets per second (0 for none). */
    public Builder minDataRate(long value) {
      this.minDataRate = SmtpClientConfig.atLeast("minDataRate", value, 0L);
      return this;
    }

    /** Sets the most connections from one IP address (at least 1; capped at maxConnections). */
    public Builder maxConnectionsPerPeer(int value) {
      this.maxConnectionsPerPeer = SmtpClientConfig.atLeast("maxConnectionsPerPeer", value, 1);
      return this;
    }

    /** Sets the longest pause after failed accepts (positive). */
    public Builder acceptBackoff(Duration value) {
      this.acceptBackoff = SmtpClientConfig.positive("acceptBackoff", value);
      return this;
    }

    /**
     * Sets the networks connections are accepted from (CIDR or single addresses, literal IPs
     * only); an empty list allows all.
     *
     * @throws IllegalArgumentException naming the entry that is not an address or CIDR block
     */
    public Builder allowedNetworks(List<String> value) {
      List<String> copy = List.copyOf(Objects.requireNonNull(value, "allowedNetworks"));
      for (String entry : copy) {
        NetworkAllowList.check(entry);
      }
      this.allowedNetworks = copy;
      return this;
    }

    /** Sets the client certificate names allowed to send mail; an empty set allows any client. */
    public Builder allowedClientNames(Set<String> value) {
      this.allowedClientNames = Set.copyOf(Objects.requireNonNull(value, "allowedClientNames"));
      return this;
    }

    /** Sets the listener ({@link SmtpReceiverListener#NONE} for none). */
    public Builder listener(SmtpReceiverListener value) {
      this.listener = Objects.requireNonNull(value, "listener");
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @throws IllegalArgumentException naming the setting when implicit TLS, required TLS or
     *     allowed client names are asked for without an SSL context
     */
    public SmtpReceiverConfig build() {
      if (sslContext == null) {
        if (implicitTls) {
          throw new IllegalArgumentException("implicitTls: true (expected: an sslContext)");
        }
        if (requireTls) {
          throw new IllegalArgumentException("requireTls: true (expected: an sslContext)");
        }
        if (!allowedClientNames.isEmpty()) {
          throw new IllegalArgumentException(
              "allowedClientNames: "
                  + allowedClientNames
                  + " (expected: an sslContext that can verify client certificates)");
        }
      }
      return new SmtpReceiverConfig(this);
    }
  }
}
