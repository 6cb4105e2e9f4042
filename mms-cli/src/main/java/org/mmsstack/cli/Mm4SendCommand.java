package org.mmsstack.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.mmsstack.cli.check.Checker;
import org.mmsstack.mm4.smtp.SmtpClient;
import org.mmsstack.mm4.smtp.SmtpClientConfig;
import org.mmsstack.mm4.smtp.SmtpEnvelope;
import org.mmsstack.mm4.smtp.SmtpException;
import org.mmsstack.mm4.smtp.SmtpRecipientResult;
import org.mmsstack.mm4.smtp.SmtpSendResult;
import org.mmsstack.mm4.smtp.SmtpTlsMode;
import org.mmsstack.mm4.transport.Mm4Envelopes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mms mm4 send}: sends MM4 files to a peer MMSE over one SMTP connection. */
@Command(
    name = "send",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Send MM4 message files to a peer over SMTP, each exactly as stored, with the MM4 envelope "
          + "(3GPP TS 23.140 8.4.1): MAIL FROM the X-Mms-Originator-System (else Sender, else From), RCPT TO every To "
          + "(and Cc of an MM4_forward.REQ) recipient, typed addresses qualified with --peer-domain.",
      "Prints the peer's reply to every recipient and to the content. Exit status 0: every recipient of every "
          + "file accepted; 1: a recipient or a message refused, or a failed connection; 2: a file that cannot be "
          + "read or is not MM4, or bad options."
    })
final class Mm4SendCommand implements Callable<Integer> {

  @ParentCommand private Mm4Command parent;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "HOST:PORT",
      description = "The peer's SMTP server.")
  private String to;

  @Option(
      names = "--starttls",
      description = "Upgrade to TLS with STARTTLS (required: fails if the peer does not offer it).")
  private boolean startTls;

  @Option(names = "--implicit-tls", description = "TLS from the first octet (e.g. port 465).")
  private boolean implicitTls;

  @Option(
      names = "--trust",
      paramLabel = "FILE",
      description = "PEM/DER certificates to trust for the peer (default: the JDK's trust store).")
  private Path trust;

  @Option(
      names = "--no-verify-hostname",
      description = "Do not check that the peer's certificate names HOST.")
  private boolean noVerifyHostname;

  @Option(
      names = "--client-keystore",
      paramLabel = "FILE",
      description = "PKCS#12 key store with our client certificate (mutual TLS).")
  private Path clientKeyStore;

  @Option(
      names = "--client-password",
      paramLabel = "PASSWORD",
      description = "Password of --client-keystore (default: empty).")
  private String clientPassword;

  @Option(
      names = "--peer-domain",
      paramLabel = "DOMAIN",
      description =
          "Domain that qualifies typed recipients such as "
              + "+4912345678/TYPE=PLMN (default: HOST of --to).")
  private String peerDomain;

  @Option(
      names = "--helo",
      paramLabel = "NAME",
      description = "EHLO name (default: our address literal).")
  private String helo;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "Deadline of connecting and of each message (default: 900).")
  private Long timeout;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "MM4 message files (RFC 5322 mail).")
  private List<Path> files;

  @Override
  public Integer call() {
    Main main = parent.main;
    String host;
    int port;
    SmtpClientConfig config;
    try {
      String[] hp = Mm4Command.hostPort("--to", to, false);
      host = hp[0];
      port = Integer.parseInt(hp[1]);
      if (startTls && implicitTls) {
        throw new IllegalArgumentException("--starttls and --implicit-tls exclude each other");
      }
      SmtpClientConfig.Builder b =
          SmtpClientConfig.builder()
              .tlsMode(
                  startTls
                      ? SmtpTlsMode.STARTTLS
                      : implicitTls ? SmtpTlsMode.IMPLICIT : SmtpTlsMode.NONE)
              .verifyHostname(!noVerifyHostname)
              .helloName(helo);
      if (trust != null || clientKeyStore != null) {
        b.sslContext(TlsFiles.context(clientKeyStore, clientPassword, trust));
      }
      if (timeout != null) {
        b.transactionTimeout(Duration.ofSeconds(timeout));
      }
      config = b.build();
    } catch (IOException | RuntimeException e) {
      main.err.println("mms mm4 send: " + e.getMessage());
      return Main.EXIT_UNREADABLE;
    }
    String domain = peerDomain != null ? peerDomain : host;
    int status = Main.EXIT_OK;
    SmtpClient client = null;
    try {
      for (Path file : files) {
        byte[] mail;
        SmtpEnvelope envelope;
        try {
          mail = Files.readAllBytes(file);
          Checker.Result r = Checker.standard().checkMm4(mail);
          if (r.mm4() == null) {
            throw new IllegalArgumentException(
                "not an MM4 message: " + r.findings().get(0).message());
          }
          envelope = Mm4Envelopes.derive(r.mm4(), domain);
        } catch (IOException | RuntimeException e) {
          println(main, file + ": " + e.getMessage());
          status = Math.max(status, Main.EXIT_UNREADABLE);
          continue;
        }
        try {
          if (client == null || !client.isOpen()) {
            client = SmtpClient.connect(host, port, config);
          }
          SmtpSendResult result = client.send(envelope, mail);
          for (SmtpRecipientResult rr : result.recipientResults()) {
            println(main, file + ": " + rr.recipient() + ": " + rr.reply());
            if (!rr.accepted()) {
              status = Math.max(status, Main.EXIT_FINDINGS);
            }
          }
          println(main, file + ": accepted: " + result.dataReply());
        } catch (SmtpException e) {
          for (SmtpRecipientResult rr : e.recipientResults()) {
            println(main, file + ": " + rr.recipient() + ": " + rr.reply());
          }
          println(
              main,
              file
                  + ": not delivered: "
                  + e.getMessage()
                  + (e.deliveryUncertain()
                      ? " (the peer may have kept it: a retry may duplicate it)"
                      : ""));
          status = Math.max(status, Main.EXIT_FINDINGS);
        }
      }
    } finally {
      if (client != null) {
        client.close();
      }
    }
    return status;
  }

  private static void println(Main main, String line) {
    main.outText.println(line);
    main.outText.flush();
  }
}
