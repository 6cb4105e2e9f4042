package org.mmsstack.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLParameters;
import org.mmsstack.cli.check.Checker;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.Severity;
import org.mmsstack.mm4.smtp.SmtpDeliveryOutcome;
import org.mmsstack.mm4.smtp.SmtpEnvelope;
import org.mmsstack.mm4.smtp.SmtpPeer;
import org.mmsstack.mm4.smtp.SmtpReceiver;
import org.mmsstack.mm4.smtp.SmtpReceiverConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code mms mm4 receive}: an SMTP receiver that stores every accepted message in a directory. */
@Command(
    name = "receive",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Listen for MM4 mail over SMTP and store each accepted message in DIR exactly as received "
          + "(after dot-unstuffing), one file per message, written under a temporary name and renamed when complete.",
      "Prints one line per message: file, peer, HELO name, TLS and verified client identity, envelope, size, MM4 "
          + "message type and the number of findings of the MM4 validation (mail that is not MM4 is stored too).",
      "Runs until interrupted, or until --count messages were received. Exit status 0: stopped as asked; "
          + "2: bad options, or the address cannot be bound."
    })
final class Mm4ReceiveCommand implements Callable<Integer> {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  @ParentCommand private Mm4Command parent;

  @Option(
      names = "--listen",
      required = true,
      paramLabel = "HOST:PORT",
      description =
          "Address to listen on, e.g. 127.0.0.1:2525 (port 0: any free port, printed on standard error).")
  private String listen;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Directory for the received messages (created if missing).")
  private Path out;

  @Option(
      names = "--count",
      paramLabel = "N",
      description = "Stop after N accepted messages (default: run until interrupted).")
  private long count;

  @Option(
      names = "--server-name",
      paramLabel = "NAME",
      description = "Name in the greeting and EHLO reply (default: localhost).")
  private String serverName;

  @Option(
      names = "--max-message-size",
      paramLabel = "OCTETS",
      description = "Largest message (default: 10485760).")
  private Long maxMessageSize;

  @Option(
      names = "--max-connections",
      paramLabel = "N",
      description = "Most connections at once (default: 16).")
  private Integer maxConnections;

  @Option(
      names = "--max-connections-per-peer",
      paramLabel = "N",
      description =
          "Most connections from one IP address (default: a quarter of --max-connections).")
  private Integer maxConnectionsPerPeer;

  @Option(
      names = "--idle-timeout",
      paramLabel = "SECONDS",
      description = "Longest silence (default: 300).")
  private Long idleTimeout;

  @Option(
      names = "--command-timeout",
      paramLabel = "SECONDS",
      description = "Longest time for one command line (default: 300).")
  private Long commandTimeout;

  @Option(
      names = "--session-timeout",
      paramLabel = "SECONDS",
      description = "Longest life of a connection (default: 1800).")
  private Long sessionTimeout;

  @Option(
      names = "--min-data-rate",
      paramLabel = "OCTETS/S",
      description = "Slowest DATA after the grace period (default: 1024; 0: none).")
  private Long minDataRate;

  @Option(
      names = "--allow-network",
      paramLabel = "CIDR",
      description = "Accept connections only from these networks (repeatable).")
  private List<String> allowNetworks = List.of();

  @Option(
      names = "--tls-keystore",
      paramLabel = "FILE",
      description = "PKCS#12 key store with our certificate and key: offers STARTTLS.")
  private Path tlsKeyStore;

  @Option(
      names = "--tls-password",
      paramLabel = "PASSWORD",
      description = "Password of --tls-keystore (default: empty).")
  private String tlsPassword;

  @Option(names = "--implicit-tls", description = "TLS from the first octet instead of STARTTLS.")
  private boolean implicitTls;

  @Option(names = "--require-tls", description = "Refuse MAIL until TLS is up.")
  private boolean requireTls;

  @Option(
      names = "--client-ca",
      paramLabel = "FILE",
      description =
          "PEM/DER certificates whose holders (or whose issuers' subjects) may connect: mutual TLS, a client certificate is required.")
  private Path clientCa;

  @Option(
      names = "--allow-client",
      paramLabel = "NAME",
      description =
          "Only this client certificate name (DNS subjectAltName or CN) may send (repeatable; needs --client-ca).")
  private List<String> allowClients = List.of();

  @Override
  public Integer call() {
    Main main = parent.main;
    SmtpReceiverConfig config;
    try {
      String[] hp = Mm4Command.hostPort("--listen", listen, true);
      SmtpReceiverConfig.Builder b =
          SmtpReceiverConfig.builder()
              .bindAddress(InetAddress.getByName(hp[0]))
              .port(Integer.parseInt(hp[1]))
              .allowedNetworks(allowNetworks);
      if (serverName != null) {
        b.serverName(serverName);
      }
      if (maxMessageSize != null) {
        b.maxMessageSize(maxMessageSize);
      }
      if (maxConnections != null) {
        b.maxConnections(maxConnections);
      }
      if (maxConnectionsPerPeer != null) {
        b.maxConnectionsPerPeer(maxConnectionsPerPeer);
      }
      if (idleTimeout != null) {
        b.idleTimeout(Duration.ofSeconds(idleTimeout));
      }
      if (commandTimeout != null) {
        b.commandTimeout(Duration.ofSeconds(commandTimeout));
      }
      if (sessionTimeout != null) {
        b.sessionTimeout(Duration.ofSeconds(sessionTimeout));
      }
      if (minDataRate != null) {
        b.minDataRate(minDataRate);
      }
      if (tlsKeyStore != null) {
        b.sslContext(TlsFiles.context(tlsKeyStore, tlsPassword, clientCa))
            .implicitTls(implicitTls)
            .requireTls(requireTls);
        if (clientCa != null) {
          SSLParameters parameters = new SSLParameters();
          parameters.setNeedClientAuth(true);
          b.sslParameters(parameters);
        }
        b.allowedClientNames(Set.copyOf(allowClients));
      } else if (implicitTls || requireTls || clientCa != null || !allowClients.isEmpty()) {
        throw new IllegalArgumentException(
            "--implicit-tls, --require-tls, --client-ca and --allow-client need --tls-keystore");
      }
      config = b.build();
      Files.createDirectories(out);
    } catch (IOException | RuntimeException e) {
      main.err.println("mms mm4 receive: " + e.getMessage());
      return Main.EXIT_UNREADABLE;
    }

    CountDownLatch done = new CountDownLatch(count > 0 ? 1 : 0);
    AtomicLong received = new AtomicLong();
    SmtpReceiver receiver;
    try {
      receiver =
          SmtpReceiver.start(
              config,
              (envelope, message) -> {
                long n = received.incrementAndGet();
                if (count > 0 && n > count) {
                  return SmtpDeliveryOutcome.temporaryFailure("receiver is stopping");
                }
                Path file =
                    out.resolve(
                        STAMP.format(Instant.now()) + "-" + String.format("%06d", n) + ".eml");
                try {
                  Path partial = out.resolve(file.getFileName() + ".part");
                  Files.write(partial, message);
                  Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                  main.err.println("mms mm4 receive: cannot store a message: " + e.getMessage());
                  return SmtpDeliveryOutcome.temporaryFailure("cannot store the message now");
                }
                print(main, file, envelope, message);
                if (count > 0 && n == count) {
                  done.countDown();
                }
                return SmtpDeliveryOutcome.accepted();
              });
    } catch (IOException e) {
      main.err.println("mms mm4 receive: cannot listen on " + listen + ": " + e.getMessage());
      return Main.EXIT_UNREADABLE;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(receiver::close));
    main.err.println(
        "mms mm4 receive: listening on "
            + receiver.localAddress().getAddress().getHostAddress()
            + ":"
            + receiver.port()
            + ", storing in "
            + out);
    try {
      if (count > 0) {
        done.await();
        // The last message's 250 is written after the handler returns: let the connections end
        // (the sender says QUIT) before closing them, for at most 10 s.
        long end = System.nanoTime() + 10_000_000_000L;
        while (receiver.activeConnections() > 0 && System.nanoTime() < end) {
          Thread.sleep(20);
        }
      } else {
        new CountDownLatch(1).await();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      receiver.close();
    }
    return Main.EXIT_OK;
  }

  private static void print(Main main, Path file, SmtpEnvelope envelope, byte[] message) {
    Checker.Result r = Checker.standard().checkMm4(message);
    int errors = 0;
    for (Finding f : r.findings()) {
      if (f.severity() == Severity.ERROR) {
        errors++;
      }
    }
    String mm4 = r.mm4() != null ? r.mm4().messageType().toString() : "not-mm4";
    SmtpPeer peer = envelope.peer().orElse(null);
    StringBuilder line = new StringBuilder(file.getFileName().toString());
    if (peer != null) {
      line.append(" peer=")
          .append(peer.address().getAddress().getHostAddress())
          .append(" helo=")
          .append(peer.helloName().orElse("-"))
          .append(" tls=")
          .append(peer.tlsSession().map(s -> s.getProtocol()).orElse("none"));
      if (!peer.identityNames().isEmpty()) {
        line.append(" client=").append(String.join(",", peer.identityNames()));
      }
    }
    line.append(" from=")
        .append(envelope.reversePathString())
        .append(" rcpt=")
        .append(envelope.recipients().size())
        .append(" size=")
        .append(message.length)
        .append(" mm4=")
        .append(mm4)
        .append(" findings=")
        .append(r.findings().size())
        .append(" errors=")
        .append(errors);
    synchronized (main.outText) {
      main.outText.println(line);
      main.outText.flush();
    }
  }
}
