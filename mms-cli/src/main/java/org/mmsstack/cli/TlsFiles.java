package org.mmsstack.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/** TLS material for the mm4 commands: a PKCS#12 key store for our certificate, PEM or DER certificates to trust. */
final class TlsFiles {

  private TlsFiles() {}

  /**
   * An SSL context from a key store (or none) and trusted certificates (or the JDK's trust store).
   *
   * @throws IOException naming the file when it cannot be read or holds no usable material
   */
  static SSLContext context(Path keyStore, String password, Path trust) throws IOException {
    try {
      KeyManager[] keys = null;
      if (keyStore != null) {
        KeyStore store = KeyStore.getInstance("PKCS12");
        char[] secret = password == null ? new char[0] : password.toCharArray();
        try (InputStream in = Files.newInputStream(keyStore)) {
          store.load(in, secret);
        }
        KeyManagerFactory kmf =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, secret);
        keys = kmf.getKeyManagers();
      }
      TrustManager[] trusted = null;
      if (trust != null) {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(trust)) {
          certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (certificates.isEmpty()) {
          throw new IOException(
              trust + ": no certificate (expected: PEM or DER X.509 certificates)");
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        int i = 0;
        for (Certificate c : certificates) {
          store.setCertificateEntry("trusted-" + i++, c);
        }
        TrustManagerFactory tmf =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        trusted = tmf.getTrustManagers();
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, trusted, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException((keyStore != null ? keyStore : trust) + ": " + e.getMessage(), e);
    }
  }
}
