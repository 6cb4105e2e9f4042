package org.mmsstack.mm4.smtp;

import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.security.auth.x500.X500Principal;

/**
 * Who is at the other end of a receiver connection, as far as the receiver knows at one moment:
 * the peer's address, the name it gave in EHLO/HELO and, once TLS is up, the TLS session with the
 * client certificate chain the handshake verified (mutual TLS). Immutable snapshot; thread-safe.
 *
 * <p>{@link #identity()} and {@link #identityNames()} are only present when the TLS handshake
 * verified a client certificate against the receiver's trust material, so they can be used for
 * authorisation; the HELO name is whatever the client claimed and proves nothing.
 */
public final class SmtpPeer {
  private final InetSocketAddress address;
  private final String helloName;
  private final SSLSession tlsSession;
  private final List<X509Certificate> certificates;

  private SmtpPeer(InetSocketAddress address, String helloName, SSLSession tlsSession) {
    this.address = address;
    this.helloName = helloName;
    this.tlsSession = tlsSession;
    this.certificates = verifiedChain(tlsSession);
  }

  /**
   * A peer snapshot.
   *
   * @param address the peer's socket address
   * @param helloName the EHLO/HELO argument, or {@code null} before the client said hello
   * @param tlsSession the established TLS session, or {@code null} on a plain connection
   */
  public static SmtpPeer of(InetSocketAddress address, String helloName, SSLSession tlsSession) {
    return new SmtpPeer(Objects.requireNonNull(address, "address"), helloName, tlsSession);
  }

  private static List<X509Certificate> verifiedChain(SSLSession session) {
    if (session == null) {
      return List.of();
    }
    try {
      List<X509Certificate> chain = new ArrayList<>();
      for (Certificate c : session.getPeerCertificates()) {
        if (c instanceof X509Certificate) {
          chain.add((X509Certificate) c);
        }
      }
      return List.copyOf(chain);
    } catch (SSLPeerUnverifiedException e) {
      return List.of(); // no client certificate was asked for or given
    }
  }

  /** The peer's IP address and port. */
  public InetSocketAddress address() {
    return address;
  }

  /** The domain or address literal the client gave in its last EHLO/HELO; empty before that. */
  public Optional<String> helloName() {
    return Optional.ofNullable(helloName);
  }

  /** The TLS session (implicit TLS or after STARTTLS); empty on a plain connection. */
  public Optional<SSLSession> tlsSession() {
    return Optional.ofNullable(tlsSession);
  }

  /** Whether the connection is protected by TLS. */
  public boolean isTls() {
    return tlsSession != null;
  }

  /** The client certificate chain the TLS handshake verified, leaf first; empty without mutual TLS. */
  public List<X509Certificate> certificates() {
    return certificates;
  }

  /** The subject of the verified client certificate; empty without mutual TLS. */
  public Optional<X500Principal> identity() {
    return certificates.isEmpty()
        ? Optional.empty()
        : Optional.of(certificates.get(0).getSubjectX500Principal());
  }

  /**
   * The names the verified client certificate stands for: its DNS subjectAltNames and the
   * common names (CN) of its subject, in that order; empty without mutual TLS.
   */
  public Set<String> identityNames() {
    if (certificates.isEmpty()) {
      return Set.of();
    }
    X509Certificate leaf = certificates.get(0);
    Set<String> names = new LinkedHashSet<>();
    try {
      Collection<List<?>> alternatives = leaf.getSubjectAlternativeNames();
      if (alternatives != null) {
        for (List<?> entry : alternatives) {
          if (entry.size() >= 2
              && Integer.valueOf(2).equals(entry.get(0))
              && entry.get(1) instanceof String) {
            names.add((String) entry.get(1));
          }
        }
      }
    } catch (CertificateParsingException e) {
      // A certificate whose extension cannot be read names nothing through it.
    }
    commonNames(leaf.getSubjectX500Principal().getName(X500Principal.RFC2253), names);
    return Collections.unmodifiableSet(names);
  }

  /** Adds the CN values of an RFC 2253 name (as the JDK writes it) to {@code out}. */
  private static void commonNames(String rfc2253, Set<String> out) {
    int i = 0;
    int n = rfc2253.length();
    while (i < n) {
      int eq = rfc2253.indexOf('=', i);
      if (eq < 0) {
        return;
      }
      String type = rfc2253.substring(i, eq).trim();
      StringBuilder value = new StringBuilder();
      int j = eq + 1;
      for (; j < n; j++) {
        char c = rfc2253.charAt(j);
        if (c == '\\' && j + 1 < n) {
          value.append(rfc2253.charAt(++j));
        } else if (c == ',' || c == '+') {
          break;
        } else {
          value.append(c);
        }
      }
      if (type.equalsIgnoreCase("CN") && value.length() > 0 && value.charAt(0) != '#') {
        out.add(value.toString());
      }
      i = j + 1;
    }
  }

  @Override
  public String toString() {
    return "SmtpPeer["
        + address
        + (helloName == null ? "" : ", helo=" + helloName)
        + (tlsSession == null ? "" : ", " + tlsSession.getProtocol())
        + identity().map(p -> ", identity=" + p.getName()).orElse("")
        + "]";
  }
}
