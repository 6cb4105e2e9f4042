package org.mmsstack.mm4.smtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MM4 through a real MTA: Debian's Postfix, started by the test with a configuration directory of
 * its own ({@code postfix -c DIR}) on loopback addresses only. Our client sends to Postfix with
 * STARTTLS; Postfix relays the {@code mms.test} domain (transport map) to our receiver with
 * STARTTLS and its client certificate, which our receiver requires (mutual TLS, allow-listed
 * name). Every message is compared byte for byte after Postfix's Received header, and counted:
 * nothing lost, nothing twice, also when a peer drops the connection in the middle of DATA.
 *
 * <p>Needs the {@code postfix} package and root (Postfix's master runs as root and drops to the
 * {@code postfix} user); {@code .ci/run} installs it. Without them the tests are skipped with a
 * message saying so.
 */
class PostfixInteropTest {
  static final String POSTFIX = "/usr/sbin/postfix";
  static final String FROM = "system-user@mms.mnc002.mcc262.gprs";
  static final String TO = "+4912345678/TYPE=PLMN@mms.test";

  record Delivery(SmtpEnvelope envelope, byte[] message) {}

  static final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  static Path dir;
  static SmtpReceiver receiver;
  static CuttingProxy proxy;
  static int postfixPort;
  static SSLContext clientContext;
  static boolean started;

  @BeforeAll
  static void startPostfix() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of(POSTFIX)),
        "Postfix interop tests skipped: "
            + POSTFIX
            + " is not installed (apt-get install postfix; .ci/run installs it)");
    Assumptions.assumeTrue(isRoot(), "Postfix interop tests skipped: starting Postfix needs root");

    dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "postfix-");
    // Postfix's daemons run as the postfix user: they must be able to reach their directories.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    TestTls tls = TestTls.get();
    KeyPair postfixKey = TestTls.keyPair();
    X509Certificate postfixCert = TestTls.selfSigned("postfix.test", postfixKey, true);
    writePem(dir.resolve("postfix.crt"), postfixCert);
    writePem(
        dir.resolve("postfix.key"),
        new JcaPKCS8Generator(postfixKey.getPrivate(), null).generate());

    // Our receiver: TLS required, and only Postfix's client certificate may send.
    SSLContext receiverContext = SSLContext.getInstance("TLS");
    receiverContext.init(tls.serverKeys, TestTls.trusting(postfixCert), null);
    SSLParameters mutual = new SSLParameters();
    mutual.setNeedClientAuth(true);
    receiver =
        SmtpReceiver.start(
            SmtpReceiverConfig.builder()
                .serverName("receiver.test")
                .sslContext(receiverContext)
                .sslParameters(mutual)
                .requireTls(true)
                .allowedClientNames(Set.of("postfix.test"))
                .maxMessageSize(16L * 1024 * 1024)
                .build(),
            (envelope, message) -> {
              deliveries.add(new Delivery(envelope, message));
              return SmtpDeliveryOutcome.accepted();
            });
    proxy = new CuttingProxy(receiver.port());
    clientContext = SSLContext.getInstance("TLS");
    clientContext.init(null, TestTls.trusting(postfixCert), null);

    postfixPort = freePort();
    Path spool = Files.createDirectories(dir.resolve("spool"));
    Path data = Files.createDirectories(dir.resolve("data"));
    UserPrincipal postfixUser =
        dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postfix");
    Files.setOwner(data, postfixUser);
    Files.setPosixFilePermissions(
        dir.resolve("postfix.key"), PosixFilePermissions.fromString("rw-r-----"));
    Files.setOwner(dir.resolve("postfix.key"), postfixUser);
    Path etc = Files.createDirectories(dir.resolve("etc"));
    Files.writeString(
        etc.resolve("main.cf"),
        String.join(
            "\n",
            "compatibility_level = 3.6",
            "queue_directory = " + spool,
            "data_directory = " + data,
            "meta_directory = /etc/postfix",
            "mail_owner = postfix",
            "setgid_group = postdrop",
            "myhostname = postfix.test",
            "mydomain = postfix.test",
            "myorigin = postfix.test",
            "inet_interfaces = 127.0.0.1",
            "inet_protocols = ipv4",
            "mydestination =",
            "relay_domains = mms.test",
            "mynetworks = 127.0.0.0/8",
            "smtpd_relay_restrictions = permit_mynetworks, reject",
            "transport_maps = inline:{ mms.test=smtp:[127.0.0.1]:" + proxy.port() + " }",
            // No header rewriting for our (loopback) client: the bytes must arrive as sent.
            "local_header_rewrite_clients =",
            "smtp_dns_support_level = disabled",
            "smtp_connection_cache_on_demand = no",
            "maillog_file = " + dir.resolve("maillog"),
            "maillog_file_prefixes = " + dir,
            // A deferred message is eligible again once its queue file's time is no more than a
            // second ahead. With a one-second backoff the queue manager can find it at once,
            // still locked by the delivery agent that deferred it, and then parks it for 60 s.
            // Three seconds lets the agent let go first.
            "minimal_backoff_time = 3s",
            "maximal_backoff_time = 6s",
            "queue_run_delay = 1s",
            "message_size_limit = 20000000",
            "smtputf8_enable = no",
            "biff = no",
            "smtpd_tls_cert_file = " + dir.resolve("postfix.crt"),
            "smtpd_tls_key_file = " + dir.resolve("postfix.key"),
            "smtpd_tls_security_level = may",
            "smtp_tls_cert_file = " + dir.resolve("postfix.crt"),
            "smtp_tls_key_file = " + dir.resolve("postfix.key"),
            "smtp_tls_security_level = encrypt",
            "smtp_tls_loglevel = 1",
            ""));
    Files.writeString(
        etc.resolve("master.cf"),
        String.join(
            "\n",
            "127.0.0.1:" + postfixPort + " inet n - n - - smtpd",
            "pickup    unix  n - n 60 1 pickup",
            "cleanup   unix  n - n - 0 cleanup",
            "qmgr      unix  n - n 300 1 qmgr",
            "tlsmgr    unix  - - n 1000? 1 tlsmgr",
            "rewrite   unix  - - n - - trivial-rewrite",
            "bounce    unix  - - n - 0 bounce",
            "defer     unix  - - n - 0 bounce",
            "trace     unix  - - n - 0 bounce",
            "verify    unix  - - n - 1 verify",
            "flush     unix  n - n 1000? 0 flush",
            "proxymap  unix  - - n - - proxymap",
            "smtp      unix  - - n - - smtp",
            "relay     unix  - - n - - smtp",
            "showq     unix  n - n - - showq",
            "error     unix  - - n - - error",
            "retry     unix  - - n - - error",
            "discard   unix  - - n - - discard",
            "anvil     unix  - - n - 1 anvil",
            "scache    unix  - - n - 1 scache",
            "postlog   unix-dgram n - n - 1 postlogd",
            ""));
    Runtime.getRuntime().addShutdownHook(new Thread(PostfixInteropTest::stopPostfixQuietly));
    int rc = postfix("start");
    started = true;
    if (rc != 0) {
      fail("postfix -c " + etc + " start failed (" + rc + "):\n" + log());
    }
    long end = System.nanoTime() + 20_000_000_000L;
    while (!listening(postfixPort)) {
      if (System.nanoTime() > end) {
        fail("Postfix does not listen on 127.0.0.1:" + postfixPort + ":\n" + log());
      }
      Thread.sleep(100);
    }
  }

  @AfterAll
  static void stopPostfix() throws IOException {
    stopPostfixQuietly();
    if (proxy != null) {
      proxy.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  private static synchronized void stopPostfixQuietly() {
    if (!started) {
      return;
    }
    started = false;
    try {
      postfix("stop");
    } catch (IOException | InterruptedException e) {
      // Best effort at exit.
    }
  }

  static int postfix(String command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(POSTFIX, "-c", dir.resolve("etc").toString(), command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("postfix-" + command + ".out").toFile())
            .start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }

  static boolean isRoot() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
    return p.waitFor() == 0 && out.equals("0");
  }

  static String log() {
    try {
      return Files.readString(dir.resolve("maillog"));
    } catch (IOException e) {
      return "(no maillog: " + e + ")";
    }
  }

  static void writePem(Path file, Object object) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
      pem.writeObject(object);
    }
    Files.writeString(file, text.toString());
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static SmtpClientConfig clientConfig() {
    return SmtpClientConfig.builder()
        .tlsMode(SmtpTlsMode.STARTTLS)
        .sslContext(clientContext)
        .helloName("mmsc-a.test")
        .readTimeout(Duration.ofSeconds(30))
        .build();
  }

  /** An MM4 forward with its own Message-ID and the given body lines. */
  static byte[] mm4(String id, String body) {
    return ("From: +4930123456/TYPE=PLMN@mms.mnc002.mcc262.gprs\r\n"
            + "To: "
            + TO
            + "\r\n"
            + "X-Mms-3GPP-MMS-Version: 6.8.0\r\n"
            + "X-Mms-Message-Type: MM4_forward.REQ\r\n"
            + "X-Mms-Transaction-ID: \""
            + id
            + "\"\r\n"
            + "X-Mms-Message-ID: \""
            + id
            + "\"\r\n"
            + "X-Mms-Originator-System: "
            + FROM
            + "\r\n"
            + "Message-ID: <"
            + id
            + "@mms.mnc002.mcc262.gprs>\r\n"
            + "Date: Thu, 03 Dec 2026 10:00:00 +0000\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "Content-Transfer-Encoding: 8bit\r\n"
            + "\r\n"
            + body)
        .getBytes(StandardCharsets.UTF_8);
  }

  static List<Delivery> deliveriesOf(String id) {
    byte[] marker = ("Message-ID: <" + id + "@").getBytes(StandardCharsets.US_ASCII);
    List<Delivery> found = new ArrayList<>();
    for (Delivery d : deliveries) {
      if (indexOf(d.message(), marker) >= 0) {
        found.add(d);
      }
    }
    return found;
  }

  /**
   * Waits for the message to arrive, then a little longer to see that it does not arrive twice.
   * The wait covers one 60-second park of a deferred message by Postfix's queue manager.
   */
  static Delivery awaitOnce(String id) throws InterruptedException {
    long end = System.nanoTime() + 120_000_000_000L;
    while (deliveriesOf(id).isEmpty()) {
      if (System.nanoTime() > end) {
        fail("message " + id + " did not arrive within 120 s; Postfix log:\n" + log());
      }
      Thread.sleep(50);
    }
    Thread.sleep(1500);
    List<Delivery> found = deliveriesOf(id);
    assertEquals(1, found.size(), "message " + id + " delivered " + found.size() + " times");
    return found.get(0);
  }

  /** The message without the Received header Postfix put on top: what our client sent. */
  static byte[] withoutTopReceived(byte[] message) {
    String head = new String(message, 0, Math.min(message.length, 10), StandardCharsets.ISO_8859_1);
    assertTrue(head.startsWith("Received: "), head);
    int i = 0;
    while (true) {
      int lf = indexOf(message, new byte[] {'\n'}, i);
      i = lf + 1;
      if (message[i] != ' ' && message[i] != '\t') {
        break;
      }
    }
    byte[] rest = new byte[message.length - i];
    System.arraycopy(message, i, rest, 0, rest.length);
    return rest;
  }

  static int indexOf(byte[] data, byte[] pattern) {
    return indexOf(data, pattern, 0);
  }

  static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  void send(byte[] message) throws SmtpException {
    try (SmtpClient client = SmtpClient.connect("127.0.0.1", postfixPort, clientConfig())) {
      assertTrue(client.isTls());
      client.send(SmtpEnvelope.of(FROM, TO), message);
    }
  }

  @Test
  void mm4WithDotLinesAnd8BitTextCrossesPostfixBothWaysOverTls() throws Exception {
    String body =
        "Gr\u00fc\u00dfe aus K\u00f6ln \u2013 8-bit text\r\n"
            + ".\r\n"
            + "..\r\n"
            + ".hidden line\r\n"
            + "."
            + "d".repeat(997)
            + "\r\n"
            + "end\r\n";
    byte[] message = mm4("dots-8bit", body);
    send(message);
    Delivery d = awaitOnce("dots-8bit");
    assertArrayEquals(message, withoutTopReceived(d.message()));
    assertEquals(List.of(SmtpAddress.parse(TO)), d.envelope().recipients());
    assertEquals(SmtpAddress.parse(FROM), d.envelope().reversePath().orElseThrow());
    SmtpPeer peer = d.envelope().peer().orElseThrow();
    assertTrue(peer.isTls());
    assertEquals(
        Set.of("postfix.test"), peer.identityNames(), "Postfix's client certificate, verified");
    assertEquals("postfix.test", peer.helloName().orElseThrow());
    assertEquals("127.0.0.1", peer.address().getAddress().getHostAddress());
  }

  @Test
  void aFiveMegabyteMessageArrivesIntact() throws Exception {
    StringBuilder body = new StringBuilder();
    int line = 0;
    while (body.length() < 5 * 1024 * 1024) {
      body.append(line % 50 == 0 ? "." : "")
          .append("line ")
          .append(line++)
          .append(' ')
          .append("\u00e4\u00f6\u00fc-0123456789abcdefghijklmnopqrstuvwxyz".repeat(8))
          .append("\r\n");
    }
    byte[] message = mm4("five-mb", body.toString());
    assertTrue(message.length > 5_000_000);
    send(message);
    Delivery d = awaitOnce("five-mb");
    assertArrayEquals(message, withoutTopReceived(d.message()));
  }

  @Test
  void aClientDroppingMidDataGetsNothingDelivered() throws Exception {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), postfixPort)) {
      s.setSoTimeout(10_000);
      RawLines raw = new RawLines(s);
      raw.expect("220");
      raw.command("EHLO dropper.test", "250");
      raw.command("MAIL FROM:<" + FROM + ">", "250");
      raw.command("RCPT TO:<" + TO + ">", "250");
      raw.command("DATA", "354");
      byte[] message = mm4("dropped", "this message is cut off\r\n".repeat(1000));
      s.getOutputStream().write(message, 0, message.length / 2);
      s.getOutputStream().flush();
    }
    // A complete message sent after it arrives; the cut one never does.
    byte[] after = mm4("after-drop", "complete\r\n");
    send(after);
    assertArrayEquals(after, withoutTopReceived(awaitOnce("after-drop").message()));
    Thread.sleep(1000);
    assertTrue(deliveriesOf("dropped").isEmpty(), "a message cut off mid-DATA was delivered");
  }

  @Test
  void aRelayConnectionCutMidDataIsRetriedAndDeliveredOnce() throws Exception {
    byte[] message = mm4("cut-relay", "retry me\r\n".repeat(50_000));
    proxy.cutNextConnectionAfter(100_000);
    send(message);
    Delivery d = awaitOnce("cut-relay");
    assertEquals(1, proxy.cuts.get(), "the first relay attempt was cut mid-DATA");
    assertArrayEquals(message, withoutTopReceived(d.message()));
  }

  /** Blocking line dialogue for the raw client. */
  static final class RawLines {
    final InputStream in;
    final OutputStream out;

    RawLines(Socket s) throws IOException {
      in = s.getInputStream();
      out = s.getOutputStream();
    }

    void command(String line, String expected) throws IOException {
      out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      expect(expected);
    }

    void expect(String code) throws IOException {
      while (true) {
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
          sb.append((char) b);
        }
        String line = sb.toString();
        assertTrue(line.startsWith(code), "expected " + code + ", got " + line);
        if (line.length() < 4 || line.charAt(3) != '-') {
          return;
        }
      }
    }
  }

  /**
   * A TCP relay in front of our receiver that can cut one connection after a number of octets
   * from Postfix: a receiving peer that drops in the middle of DATA.
   */
  static final class CuttingProxy implements AutoCloseable {
    final ServerSocket server;
    final int target;
    final AtomicLong armed = new AtomicLong();
    final AtomicInteger cuts = new AtomicInteger();

    CuttingProxy(int target) throws IOException {
      this.target = target;
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread t = new Thread(this::acceptLoop, "cutting-proxy");
      t.setDaemon(true);
      t.start();
    }

    int port() {
      return server.getLocalPort();
    }

    void cutNextConnectionAfter(long octets) {
      armed.set(octets);
    }

    private void acceptLoop() {
      while (!server.isClosed()) {
        try {
          Socket in = server.accept();
          Socket out = new Socket(InetAddress.getLoopbackAddress(), target);
          long cutAfter = armed.getAndSet(0);
          pump(in, out, cutAfter);
          pump(out, in, 0);
        } catch (IOException e) {
          return;
        }
      }
    }

    private void pump(Socket from, Socket to, long cutAfter) {
      Thread t =
          new Thread(
              () -> {
                byte[] buffer = new byte[8192];
                long total = 0;
                try {
                  InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream();
                  int n;
                  while ((n = in.read(buffer)) >= 0) {
                    if (cutAfter > 0 && total + n > cutAfter) {
                      out.write(buffer, 0, (int) (cutAfter - total));
                      out.flush();
                      cuts.incrementAndGet();
                      break;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                    total += n;
                  }
                } catch (IOException e) {
                  // One side closed: close both below.
                } finally {
                  closeQuietly(from);
                  closeQuietly(to);
                }
              },
              "cutting-proxy-pump");
      t.setDaemon(true);
      t.start();
    }

    private static void closeQuietly(Socket s) {
      try {
        s.close();
      } catch (IOException ignored) {
        // Closing anyway.
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}
