package org.mmsstack.mm4.smtp;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.mmsstack.mm4.smtp.internal.AddressSyntax;

/**
 * Settings and limits of an {@link SmtpReceiver}. Immutable; made with {@link #builder()}.
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
    }

    /** A builder with the defaults: loopback, any free port, 10 MiB messages, 100 recipients. */
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

    /** How long a connection may stay silent before it is closed with 421. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** Most connections served at once; more are answered 421 and closed. */
    public int maxConnections() {
        return maxConnections;
    }

    /** Most bad commands on one connection before it is closed with 421. */
    public int maxErrors() {
        return maxErrors;
    }

    /** The TLS context, or {@code null}: with one, STARTTLS is offered (or TLS is implicit). */
    public SSLContext sslContext() {
        return sslContext;
    }

    /** Whether connections speak TLS from the first byte (needs {@link #sslContext()}). */
    public boolean implicitTls() {
        return implicitTls;
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

        private Builder() {
        }

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

        /**
         * Builds the configuration.
         *
         * @throws IllegalStateException when implicit TLS is asked for without an SSL context
         */
        public SmtpReceiverConfig build() {
            if (implicitTls && sslContext == null) {
                throw new IllegalStateException("implicitTls needs an sslContext");
            }
            return new SmtpReceiverConfig(this);
        }
    }
}
