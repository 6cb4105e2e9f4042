package org.mmsstack.mm4.smtp;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Self-signed certificates made at test time (no private key is ever committed): the server's for
 * 127.0.0.1 / localhost, and client certificates for mutual TLS; and SSL contexts that use them.
 */
final class TestTls {
  private static final char[] PASSWORD = "test".toCharArray();
  private static TestTls instance;

  final SSLContext serverContext;
  final SSLContext clientContext;
  final SSLContext untrustingClientContext;

  /** Server side of mutual TLS: the server certificate, trusting the client certificates of {@link #PEER} and {@link #INTRUDER}. */
  final SSLContext mutualServerContext;

  /** Client presenting a trusted certificate for {@link #PEER}. */
  final SSLContext peerClientContext;

  /** Client presenting a trusted certificate for {@link #INTRUDER} (trusted, but not on the allow-list). */
  final SSLContext intruderClientContext;

  /** Client presenting a self-signed certificate the server does not trust. */
  final SSLContext strangerClientContext;

  static final String PEER = "mmsc.peer.test";

  /** The key material of {@link #serverContext}, for contexts that trust other peers too. */
  final javax.net.ssl.KeyManager[] serverKeys;

  final X509Certificate serverCertificate;
  static final String INTRUDER = "intruder.test";

  @SuppressWarnings("JavaUtilDate") // Bouncy Castle's certificate builder takes java.util.Date
  private TestTls() throws Exception {
    KeyPair keyPair = keyPair();
    X509Certificate certificate = selfSigned("localhost", keyPair, true);

    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    keyStore.load(null, null);
    keyStore.setKeyEntry(
        "server", keyPair.getPrivate(), PASSWORD, new X509Certificate[] {certificate});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keyStore, PASSWORD);
    serverContext = SSLContext.getInstance("TLS");
    serverContext.init(kmf.getKeyManagers(), null, null);
    serverKeys = kmf.getKeyManagers();
    serverCertificate = certificate;

    KeyStore trustStore = KeyStore.getInstance("PKCS12");
    trustStore.load(null, null);
    trustStore.setCertificateEntry("server", certificate);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trustStore);
    clientContext = SSLContext.getInstance("TLS");
    clientContext.init(null, tmf.getTrustManagers(), null);

    // Trusts only an empty store: the handshake with our self-signed server must fail.
    KeyStore empty = KeyStore.getInstance("PKCS12");
    empty.load(null, null);
    TrustManagerFactory none =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    none.init(empty);
    untrustingClientContext = SSLContext.getInstance("TLS");
    untrustingClientContext.init(null, none.getTrustManagers(), null);

    KeyPair peerKey = keyPair();
    X509Certificate peerCert = selfSigned(PEER, peerKey, false);
    KeyPair intruderKey = keyPair();
    X509Certificate intruderCert = selfSigned(INTRUDER, intruderKey, false);
    KeyPair strangerKey = keyPair();
    X509Certificate strangerCert = selfSigned("stranger.test", strangerKey, false);
    mutualServerContext = SSLContext.getInstance("TLS");
    mutualServerContext.init(kmf.getKeyManagers(), trusting(peerCert, intruderCert), null);
    peerClientContext = SSLContext.getInstance("TLS");
    peerClientContext.init(keys(peerKey, peerCert), tmf.getTrustManagers(), null);
    intruderClientContext = SSLContext.getInstance("TLS");
    intruderClientContext.init(keys(intruderKey, intruderCert), tmf.getTrustManagers(), null);
    strangerClientContext = SSLContext.getInstance("TLS");
    strangerClientContext.init(keys(strangerKey, strangerCert), tmf.getTrustManagers(), null);
  }

  static KeyPair keyPair() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
    return generator.generateKeyPair();
  }

  /** A self-signed certificate for {@code dnsName} (and 127.0.0.1 when it is the server's), valid for a day. */
  @SuppressWarnings("JavaUtilDate") // Bouncy Castle's certificate builder takes java.util.Date
  static X509Certificate selfSigned(String dnsName, KeyPair keyPair, boolean server)
      throws Exception {
    X500Name name = new X500Name("CN=" + dnsName);
    long now = System.currentTimeMillis();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            name,
            BigInteger.valueOf(now),
            new Date(now - 86_400_000L),
            new Date(now + 86_400_000L),
            name,
            keyPair.getPublic());
    GeneralName[] names =
        server
            ? new GeneralName[] {
              new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
              new GeneralName(GeneralName.dNSName, dnsName)
            }
            : new GeneralName[] {new GeneralName(GeneralName.dNSName, dnsName)};
    builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate())));
  }

  static javax.net.ssl.KeyManager[] keys(KeyPair keyPair, X509Certificate certificate)
      throws Exception {
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    keyStore.load(null, null);
    keyStore.setKeyEntry(
        "key", keyPair.getPrivate(), PASSWORD, new X509Certificate[] {certificate});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keyStore, PASSWORD);
    return kmf.getKeyManagers();
  }

  static javax.net.ssl.TrustManager[] trusting(X509Certificate... certificates) throws Exception {
    KeyStore trustStore = KeyStore.getInstance("PKCS12");
    trustStore.load(null, null);
    for (int i = 0; i < certificates.length; i++) {
      trustStore.setCertificateEntry("c" + i, certificates[i]);
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trustStore);
    return tmf.getTrustManagers();
  }

  static synchronized TestTls get() throws Exception {
    if (instance == null) {
      instance = new TestTls();
    }
    return instance;
  }
}
