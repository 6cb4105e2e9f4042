package org.mmsstack.lab;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.mmsstack.encapsulation.AcknowledgeInd;
import org.mmsstack.encapsulation.NotifyRespInd;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.ReadRecInd;
import org.mmsstack.encapsulation.SendConf;
import org.mmsstack.encapsulation.SendReq;
import org.mmsstack.encapsulation.value.ResponseStatus;
import org.mmsstack.encapsulation.value.Status;
import org.mmsstack.mm4.Mm4Codec;
import org.mmsstack.mm4.Mm4DeliveryReportReq;
import org.mmsstack.mm4.Mm4FormatException;
import org.mmsstack.mm4.Mm4ForwardReq;
import org.mmsstack.mm4.Mm4HeaderNames;
import org.mmsstack.mm4.Mm4Message;
import org.mmsstack.mm4.Mm4MessageType;
import org.mmsstack.mm4.Mm4ReadReplyReportReq;
import org.mmsstack.mm4.convert.ConversionException;
import org.mmsstack.mm4.mime.Mm4Headers;
import org.mmsstack.mm4.smtp.SmtpDeliveryOutcome;
import org.mmsstack.mm4.smtp.SmtpEnvelope;
import org.mmsstack.mm4.smtp.SmtpPeer;
import org.mmsstack.mm4.smtp.SmtpReceiver;
import org.mmsstack.mm4.smtp.SmtpReceiverConfig;
import org.mmsstack.mm4.value.RequestStatusCode;
import org.mmsstack.mm4.value.YesNo;
import org.mmsstack.routing.RelayId;

/**
 * A lab Relay/Server: MM1 over HTTP (JDK {@code HttpServer} on the loopback interface, an
 * ephemeral port) for the simulated phones, MM4 over SMTP (the project's {@link SmtpReceiver}
 * and client) towards the other nodes, and a memory store. Two flavours: an extended node runs
 * the routing extension (see {@code ExtendedLabRelay}), a legacy one plain MM4 through a gateway.
 *
 * <p>What every node does: it stores a message once per (Message-ID, recipient) and notifies the
 * recipient's phone; serves the Content-Location ({@code GET /mm1/r/<transaction>}) to that
 * recipient only; writes a delivery report on m-notifyresp-ind (Retrieved) or m-acknowledge-ind
 * when the originator asked for one, once per (Message-ID, recipient); pushes reports to its own
 * originators once per (Message-ID, subject, kind); answers every MM4 request with its
 * MM4_*.RES (a separate SMTP transfer back, as MM4 does); and queues every transmission in an
 * {@link Outbox} that retries until the peer accepts it. A repeated m-send-req (same
 * originator and Transaction-ID, after a lost response) gets the first answer again.
 *
 * <p>The phone's identity is the {@code X-MSISDN} request header, as an operator's WAP gateway
 * inserts it; an MM4 peer's identity is its HELO name, checked against the configured nodes (a
 * production node would use the TLS client certificate instead).
 *
 * <p>{@link #stop()} closes the node's sockets and stops its workers; its store, queues and
 * routing state stay (the lab's stand-in for persistence), and {@link #start()} binds new
 * ports. Thread-safe: protocol handlers run on the servers' threads and serialise on the node.
 */
public abstract sealed class LabRelay implements AutoCloseable
    permits ExtendedLabRelay, LegacyLabRelay {

  /** A stored message for one local recipient. */
  private record Stored(Mm4ForwardReq message, String recipient) {}

  final RelayId id;
  final String name;
  final LabNetwork net;
  final Outbox outbox;
  private final Map<String, Stored> byTransaction = new HashMap<>();
  private final Set<String> delivered = new HashSet<>();
  private final Set<String> reportsWritten = new HashSet<>();
  private final Set<String> reportsPushed = new HashSet<>();
  private final Map<String, byte[]> sendConfs = new HashMap<>();
  private final AtomicLong counter = new AtomicLong();
  private SmtpReceiver smtp;
  private HttpServer http;
  private ExecutorService httpThreads;
  private volatile boolean running;

  LabRelay(RelayId id, LabNetwork net, Duration giveUpAfter) {
    this.id = id;
    this.name = id.value();
    this.net = net;
    this.outbox = new Outbox(name, net, giveUpAfter);
  }

  public RelayId id() {
    return id;
  }

  /** Whether this node runs the routing extension. */
  public abstract boolean extended();

  public boolean isRunning() {
    return running;
  }

  /** The SMTP (MM4) port while running. */
  public Optional<Integer> smtpPort() {
    return net.smtp(name).map(InetSocketAddress::getPort);
  }

  /** The HTTP (MM1) port while running. */
  public Optional<Integer> httpPort() {
    return net.http(name).map(InetSocketAddress::getPort);
  }

  /** MM4 requests and responses waiting in this node's queue. */
  public int pendingTransmissions() {
    return outbox.pending();
  }

  /**
   * Binds the SMTP receiver and the HTTP server to ephemeral loopback ports, registers them and
   * starts sending what is queued.
   *
   * @throws IOException when a port cannot be bound
   */
  public synchronized void start() throws IOException {
    if (running) {
      return;
    }
    InetAddress lo = InetAddress.getLoopbackAddress();
    SmtpReceiverConfig rc =
        SmtpReceiverConfig.builder()
            .bindAddress(lo)
            .port(0)
            .serverName(net.host(name))
            .maxMessageSize(4_000_000)
            .maxRecipients(1_000)
            .maxConnections(64)
            .maxConnectionsPerPeer(64)
            .idleTimeout(Duration.ofMinutes(2))
            .build();
    smtp = SmtpReceiver.start(rc, this::onSmtp);
    http = HttpServer.create(new InetSocketAddress(lo, 0), 64);
    httpThreads = Executors.newFixedThreadPool(4, r -> daemon(r, "mm1-" + name));
    http.setExecutor(httpThreads);
    http.createContext("/mm1", this::onHttp);
    http.start();
    running = true;
    net.register(name, smtp.localAddress(), http.getAddress());
    onStart();
    outbox.start();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /**
   * Closes the sockets and stops the workers; the store and the queue stay. Requests in
   * progress are finished (an HTTP exchange gets up to one second).
   */
  public void stop() {
    SmtpReceiver s;
    HttpServer h;
    ExecutorService e;
    synchronized (this) {
      if (!running) {
        return;
      }
      running = false;
      net.unregister(name);
      s = smtp;
      h = http;
      e = httpThreads;
      smtp = null;
      http = null;
    }
    outbox.stop();
    s.close();
    h.stop(1);
    e.shutdown();
    try {
      e.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    }
    onStop();
  }

  @Override
  public void close() {
    stop();
  }

  /** Called at the end of {@link #start()}. */
  void onStart() throws IOException {}

  /** Called at the end of {@link #stop()}. */
  void onStop() {}

  /** A fresh id unique to this node. */
  String nextId(String kind) {
    return name + "-" + kind + "-" + counter.incrementAndGet();
  }

  // ---------------------------------------------------------------- MM1 over HTTP

  private void onHttp(HttpExchange x) throws IOException {
    try (x) {
      String msisdn = x.getRequestHeaders().getFirst("X-MSISDN");
      if (msisdn == null || !msisdn.matches("[0-9]{1,15}")) {
        reply(x, 403, new byte[0]);
        return;
      }
      if (!running) {
        reply(x, 503, new byte[0]);
        return;
      }
      if ("GET".equals(x.getRequestMethod())) {
        String path = x.getRequestURI().getPath();
        String txn = path.substring(path.lastIndexOf('/') + 1);
        Optional<byte[]> conf = retrieve(msisdn, txn);
        if (conf.isEmpty()) {
          reply(x, 404, new byte[0]);
        } else {
          reply(x, 200, conf.get());
        }
        return;
      }
      if (!"POST".equals(x.getRequestMethod())) {
        reply(x, 405, new byte[0]);
        return;
      }
      byte[] body;
      try (InputStream in = x.getRequestBody()) {
        body = in.readNBytes(4_000_001);
      }
      if (body.length > 4_000_000) {
        reply(x, 413, new byte[0]);
        return;
      }
      Pdu pdu;
      try {
        pdu = PduCodec.decode(body);
      } catch (PduFormatException e) {
        net.ledger.count("MM1 PDUs refused as undecodable");
        reply(x, 400, new byte[0]);
        return;
      }
      byte[] response = onMm1(msisdn, pdu);
      reply(x, response.length == 0 ? 204 : 200, response);
    }
  }

  private static void reply(HttpExchange x, int status, byte[] body) throws IOException {
    if (body.length > 0) {
      x.getResponseHeaders().set("Content-Type", "application/vnd.wap.mms-message");
    }
    x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = x.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** One MM1 request from the phone {@code msisdn}; the response PDU, or none (204). */
  private byte[] onMm1(String msisdn, Pdu pdu) {
    if (pdu instanceof SendReq req) {
      String key = msisdn + "|" + req.transactionId().orElse("");
      synchronized (this) {
        byte[] again = sendConfs.get(key);
        if (again != null) {
          net.ledger.count("repeated m-send-req answered again");
          return again;
        }
        byte[] conf = submit(msisdn, req);
        sendConfs.put(key, conf);
        return conf;
      }
    } else if (pdu instanceof NotifyRespInd ind) {
      if (ind.status().orElse(Status.RETRIEVED).equals(Status.RETRIEVED)) {
        retrieved(msisdn, ind.transactionId().orElse(""));
      }
    } else if (pdu instanceof AcknowledgeInd ind) {
      retrieved(msisdn, ind.transactionId().orElse(""));
    } else if (pdu instanceof ReadRecInd ind) {
      readRecInd(msisdn, ind);
    } else {
      net.ledger.violation(name + " got an unexpected MM1 PDU " + pdu.messageType());
    }
    return new byte[0];
  }

  /** An m-send-req from an authenticated phone: the m-send-conf. */
  abstract byte[] submit(String msisdn, SendReq req);

  /** An m-read-rec-ind from a phone. */
  abstract void readRecInd(String msisdn, ReadRecInd ind);

  static byte[] sendConf(SendReq req, ResponseStatus status, String messageId) {
    SendConf.Builder b =
        SendConf.builder().transactionId(req.transactionId().orElse("none")).responseStatus(status);
    if (messageId != null) {
      b.messageId(messageId);
    }
    return PduCodec.encode(b.build());
  }

  // ---------------------------------------------------------------- store

  /** Stores a message for a local recipient and notifies the phone, once per pair. */
  final synchronized void deliverLocal(Mm4ForwardReq fwd, String digits) {
    String msgId = fwd.messageId().orElseThrow();
    if (!delivered.add(msgId + "|" + digits)) {
      net.ledger.count("duplicate deliveries suppressed at the home");
      return;
    }
    String txn = mintTransactionId();
    byTransaction.put(txn, new Stored(fwd, digits));
    String url = "http://" + net.host(name) + "/mm1/r/" + txn;
    try {
      net.push(name, digits, PduCodec.encode(LabWire.notification(fwd, txn, url, Instant.now())));
    } catch (ConversionException e) {
      net.ledger.violation(name + " could not notify " + digits + " of " + msgId + ": " + e);
    }
  }

  /**
   * Whether this node has already stored {@code messageId} for the local recipient {@code digits}:
   * a retransmission of it (the sender did not see the response) is then not routed again, even
   * when the table has since moved the recipient's home, or it would be delivered twice.
   */
  final synchronized boolean deliveredHere(String messageId, String digits) {
    return delivered.contains(messageId + "|" + digits);
  }

  /** The Transaction-ID of a notification. */
  abstract String mintTransactionId();

  private synchronized Optional<byte[]> retrieve(String msisdn, String txn) {
    Stored s = byTransaction.get(txn);
    if (s == null || !s.recipient().equals(msisdn)) {
      net.ledger.violation(msisdn + " asked " + name + " for " + txn + ", which it does not hold");
      return Optional.empty();
    }
    try {
      return Optional.of(PduCodec.encode(LabWire.retrieveConf(s.message(), txn, Instant.now())));
    } catch (ConversionException e) {
      net.ledger.violation(name + " could not serve " + txn + ": " + e);
      return Optional.empty();
    }
  }

  /** The recipient has the message: the delivery report, once, if the originator asked. */
  private void retrieved(String msisdn, String txn) {
    Mm4DeliveryReportReq report;
    synchronized (this) {
      Stored s = byTransaction.get(txn);
      if (s == null || !s.recipient().equals(msisdn)) {
        net.ledger.violation(name + " got a retrieval confirmation for unknown " + txn);
        return;
      }
      String msgId = s.message().messageId().orElseThrow();
      if (s.message().deliveryReport().orElse(YesNo.NO) != YesNo.YES
          || !reportsWritten.add(msgId + "|" + msisdn)) {
        return;
      }
      report = LabWire.deliveryReport(s.message(), msisdn, nextId("dr"), Instant.now(), net.domain);
    }
    routeReport(report);
  }

  /** Sends a report on towards the originator's home (or pushes it, if this is the home). */
  abstract void routeReport(Mm4Message report);

  /** Pushes a report to the originator's phone, once per (Message-ID, subject, kind). */
  final void pushReport(Mm4Message report) {
    String msgId = report.messageId().orElseThrow();
    Optional<String> subject = report.from().flatMap(LabWire::digits);
    Optional<String> originator = LabWire.digits(report.to().get(0));
    boolean read = report instanceof Mm4ReadReplyReportReq;
    if (subject.isEmpty() || originator.isEmpty()) {
      net.ledger.violation(name + " has a report of " + msgId + " it cannot address");
      return;
    }
    synchronized (this) {
      if (!reportsPushed.add(msgId + "|" + subject.get() + "|" + read)) {
        net.ledger.count("duplicate reports suppressed at the home");
        return;
      }
    }
    try {
      Pdu pdu =
          read
              ? LabWire.readOrigInd((Mm4ReadReplyReportReq) report, Instant.now())
              : LabWire.deliveryInd((Mm4DeliveryReportReq) report, Instant.now());
      net.push(name, originator.get(), PduCodec.encode(pdu));
    } catch (ConversionException e) {
      net.ledger.violation(name + " could not convert a report of " + msgId + ": " + e);
    }
  }

  // ---------------------------------------------------------------- MM4 over SMTP

  private SmtpDeliveryOutcome onSmtp(SmtpEnvelope envelope, byte[] mail) {
    if (!running) {
      return SmtpDeliveryOutcome.temporaryFailure("stopping");
    }
    Optional<String> peer = envelope.peer().flatMap(SmtpPeer::helloName).flatMap(net::nodeOfHost);
    if (peer.isEmpty() || !knows(peer.get())) {
      net.ledger.violation(name + " got MM4 from an unknown peer " + envelope.peer());
      return SmtpDeliveryOutcome.permanentFailure("unknown peer");
    }
    // The header section is all a Relay/Server routes and filters on; the body is decoded only
    // once the item is accepted and has to be delivered or passed on.
    Mm4Headers h;
    try {
      h = Mm4Codec.decodeHeaders(mail);
    } catch (Mm4FormatException e) {
      net.ledger.violation(name + " could not parse MM4 from " + peer.get() + ": " + e);
      return SmtpDeliveryOutcome.permanentFailure("not MM4: " + e.getMessage());
    }
    Optional<Mm4MessageType> type =
        h.first(Mm4HeaderNames.MESSAGE_TYPE).flatMap(Mm4MessageType::fromToken);
    if (type.isEmpty()) {
      net.ledger.violation(name + " got mail without an MM4 message type from " + peer.get());
      return SmtpDeliveryOutcome.permanentFailure("not MM4: no X-Mms-Message-Type");
    }
    if (!type.get().isRequest()) {
      RequestStatusCode status =
          h.first(Mm4HeaderNames.REQUEST_STATUS_CODE)
              .flatMap(RequestStatusCode::fromToken)
              .orElse(RequestStatusCode.ERROR_UNSPECIFIED);
      if (status != RequestStatusCode.OK) {
        net.ledger.violation(
            peer.get()
                + " answered "
                + type.get()
                + " "
                + h.first(Mm4HeaderNames.MESSAGE_ID).map(String::strip).orElse("?")
                + " to "
                + name
                + " with "
                + status.token());
      } else {
        net.ledger.count("MM4 responses OK");
      }
      return SmtpDeliveryOutcome.accepted();
    }
    List<String> rcpt =
        envelope.recipients().stream().map(a -> a.localPart() + "@" + a.domain()).toList();
    RequestStatusCode status = onMm4(peer.get(), rcpt, h, mail);
    if (h.first(Mm4HeaderNames.ACK_REQUEST)
        .map(v -> v.trim().equalsIgnoreCase("Yes"))
        .orElse(false)) {
      Mm4Message res;
      try {
        res = Mm4Message.responseTo(h, status);
      } catch (IllegalArgumentException e) {
        net.ledger.violation(name + " cannot answer " + peer.get() + ": " + e.getMessage());
        return SmtpDeliveryOutcome.accepted();
      }
      byte[] bytes = Mm4Codec.encode(res);
      String back = LabWire.systemUser(net.host(peer.get()));
      outbox.send(peer.get(), List.of(back), () -> bytes, res.messageType() + " to " + peer.get());
    }
    return SmtpDeliveryOutcome.accepted();
  }

  /**
   * Decodes the whole of a request whose header section was accepted: the one place a node pays
   * for the body. Empty, with a violation noted, when the body is malformed.
   */
  final Optional<Mm4Message> decodeWhole(String peer, byte[] mail) {
    try {
      Mm4Message m = Mm4Codec.decode(mail);
      // Decoding locates the bodies; a body that cannot be decoded fails here, as it would be
      // refused before the message goes on.
      m.content().checkData();
      return Optional.of(m);
    } catch (Mm4FormatException e) {
      net.ledger.violation(name + " could not parse the MM4 body from " + peer + ": " + e);
      return Optional.empty();
    }
  }

  /** Whether {@code node} is a configured MM4 peer of this node. */
  abstract boolean knows(String node);

  /**
   * One MM4 request from a configured peer, given as its decoded header section (routing and
   * border checks read only that; {@link #decodeWhole} decodes the rest where needed): the
   * status of its response.
   */
  abstract RequestStatusCode onMm4(String peer, List<String> rcpt, Mm4Headers headers, byte[] mail);

  /** Queues an MM4 request to a peer, with the acknowledgement requested. */
  final void send(String peer, List<String> rcpt, Supplier<Mm4Message> build, String what) {
    outbox.send(peer, rcpt, () -> Mm4Codec.encode(build.get()), what);
  }

  /** The request as it is sent: a fresh Transaction-ID per transmission, acknowledgement asked. */
  final Mm4Message transmission(Mm4Message m) {
    return m.toBuilder().transactionId(nextId("t")).header("X-Mms-Ack-Request", "Yes").build();
  }
}
