package org.mmsstack.mm4.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/**
 * The SMTP configurations are values, as the codecs' configurations are: equal when every setting
 * is (TLS objects and the listener by identity), and printable for logs.
 */
class SmtpConfigTest {

  @Test
  void clientConfigIsAValue() throws Exception {
    assertEquals(SmtpClientConfig.DEFAULT, SmtpClientConfig.builder().build());
    assertEquals(
        SmtpClientConfig.DEFAULT.hashCode(), SmtpClientConfig.builder().build().hashCode());
    SmtpClientConfig c =
        SmtpClientConfig.builder()
            .helloName("relay.example.org")
            .readTimeout(Duration.ofSeconds(7))
            .tlsMode(SmtpTlsMode.STARTTLS)
            .build();
    assertEquals(c, c.toBuilder().build());
    assertEquals(c.hashCode(), c.toBuilder().build().hashCode());
    for (SmtpClientConfig other :
        List.of(
            c.toBuilder().helloName(null).build(),
            c.toBuilder().readTimeout(Duration.ofSeconds(8)).build(),
            c.toBuilder().tlsMode(SmtpTlsMode.IMPLICIT).build(),
            c.toBuilder().verifyHostname(!c.verifyHostname()).build(),
            c.toBuilder().maxReplyLines(c.maxReplyLines() + 1).build(),
            c.toBuilder().sslContext(SSLContext.getDefault()).build())) {
      assertNotEquals(c, other, other.toString());
    }
    SSLContext tls = SSLContext.getInstance("TLS");
    assertEquals(
        c.toBuilder().sslContext(tls).build(), c.toBuilder().sslContext(tls).build(), "same TLS");
    String s = c.toString();
    assertTrue(s.contains("helloName=relay.example.org"), s);
    assertTrue(s.contains("readTimeout=PT7S"), s);
    assertTrue(s.contains("tlsMode=STARTTLS"), s);
    assertTrue(s.contains("sslContext=default"), s);
  }

  @Test
  void receiverConfigIsAValue() throws Exception {
    assertEquals(SmtpReceiverConfig.DEFAULT, SmtpReceiverConfig.builder().build());
    assertEquals(
        SmtpReceiverConfig.DEFAULT.hashCode(), SmtpReceiverConfig.builder().build().hashCode());
    SmtpReceiverConfig c =
        SmtpReceiverConfig.builder()
            .serverName("mx.example.org")
            .maxRecipients(7)
            .allowedNetworks(List.of("10.0.0.0/8"))
            .build();
    assertEquals(c, c.toBuilder().build());
    assertEquals(c.hashCode(), c.toBuilder().build().hashCode());
    SmtpReceiverListener listener = new SmtpReceiverListener() {};
    for (SmtpReceiverConfig other :
        List.of(
            c.toBuilder().serverName("mx2.example.org").build(),
            c.toBuilder().maxRecipients(8).build(),
            c.toBuilder().allowedNetworks(List.of("10.0.0.0/16")).build(),
            c.toBuilder().maxConnectionsPerPeer(2).build(),
            c.toBuilder().implicitTls(true).sslContext(SSLContext.getDefault()).build(),
            c.toBuilder().listener(listener).build())) {
      assertNotEquals(c, other, other.toString());
    }
    assertEquals(
        c.toBuilder().listener(listener).build(), c.toBuilder().listener(listener).build());
    String s = c.toString();
    assertTrue(s.contains("serverName=mx.example.org"), s);
    assertTrue(s.contains("maxRecipients=7"), s);
    assertTrue(s.contains("allowedNetworks=[10.0.0.0/8]"), s);
    assertTrue(s.contains("listener=none"), s);
    assertTrue(s.contains("maxConnectionsPerPeer=" + c.maxConnectionsPerPeer()), s);
  }
}
