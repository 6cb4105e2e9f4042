package org.mmsstack.mm4.smtp.internal;

import javax.net.ssl.SSLParameters;

/** Copies {@link SSLParameters}, which are mutable, so a configuration can hold its own. */
public final class TlsParameters {
  private TlsParameters() {}

  /** A copy of every setting of {@code p}. */
  public static SSLParameters copy(SSLParameters p) {
    SSLParameters c = new SSLParameters();
    c.setCipherSuites(p.getCipherSuites());
    c.setProtocols(p.getProtocols());
    // needClientAuth and wantClientAuth reset each other: set the one that is on last.
    if (p.getNeedClientAuth()) {
      c.setNeedClientAuth(true);
    } else {
      c.setWantClientAuth(p.getWantClientAuth());
    }
    c.setAlgorithmConstraints(p.getAlgorithmConstraints());
    c.setEndpointIdentificationAlgorithm(p.getEndpointIdentificationAlgorithm());
    if (p.getServerNames() != null) {
      c.setServerNames(p.getServerNames());
    }
    if (p.getSNIMatchers() != null) {
      c.setSNIMatchers(p.getSNIMatchers());
    }
    c.setUseCipherSuitesOrder(p.getUseCipherSuitesOrder());
    c.setEnableRetransmissions(p.getEnableRetransmissions());
    c.setMaximumPacketSize(p.getMaximumPacketSize());
    c.setApplicationProtocols(p.getApplicationProtocols());
    return c;
  }
}
