package org.mmsstack.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.mmsstack.encapsulation.AcknowledgeInd;
import org.mmsstack.encapsulation.DeliveryInd;
import org.mmsstack.encapsulation.NotificationInd;
import org.mmsstack.encapsulation.NotifyRespInd;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduCodec;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.ReadOrigInd;
import org.mmsstack.encapsulation.ReadRecInd;
import org.mmsstack.encapsulation.RetrieveConf;
import org.mmsstack.encapsulation.SendConf;
import org.mmsstack.encapsulation.SendReq;
import org.mmsstack.encapsulation.body.SinglePartBody;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.ReadStatus;
import org.mmsstack.encapsulation.value.Status;

/**
 * The lab's phones: unmodified MM1 clients over HTTP. A phone submits to its provisioned entry
 * node, retrieves what it is notified of from the Content-Location (immediately, or deferred:
 * m-notifyresp-ind Deferred first and m-acknowledge-ind after), confirms the retrieval, sends
 * read reports to its entry when asked, and records what reaches it in the ledger. Requests to a
 * node that is down are retried. Thread-safe; the work runs on a small scheduled pool.
 */
final class PhoneFleet implements LabNetwork.PushSink, AutoCloseable {

  private static final ContentType TEXT = ContentType.of("text/plain");
  private static final long RETRY_MS = 50;

  /** A subscriber's phone and the node its MMSC address reaches. */
  record Phone(String number, String entry) {}

  private final LabNetwork net;
  private final Map<String, Phone> phones;
  private final long seed;
  private final long deadlineNanos;
  private final ScheduledExecutorService exec;
  private final HttpClient http;
  private final AtomicInteger busy = new AtomicInteger();
  private final AtomicInteger txn = new AtomicInteger();

  PhoneFleet(LabNetwork net, Map<String, Phone> phones, long seed, Duration timeout, int threads) {
    this.net = net;
    this.phones = Map.copyOf(phones);
    this.seed = seed;
    this.deadlineNanos = System.nanoTime() + timeout.toNanos();
    this.exec =
        Executors.newScheduledThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "phones");
              t.setDaemon(true);
              return t;
            });
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
  }

  /** Work scheduled or running (submissions, retrievals, confirmations, retries). */
  int busy() {
    return busy.get();
  }

  private void later(long delayMs, Runnable work) {
    busy.incrementAndGet();
    // Failures are recorded in the ledger by the task itself; the future has nothing to add.
    var unused =
        exec.schedule(
            () -> {
              try {
                work.run();
              } catch (RuntimeException e) {
                net.ledger.violation("phone task failed: " + e);
              } finally {
                busy.decrementAndGet();
              }
            },
            delayMs,
            TimeUnit.MILLISECONDS);
  }

  private SplittableRandom random(String what) {
    return new SplittableRandom(seed ^ (what.hashCode() * 0x9E3779B97F4A7C15L));
  }

  /**
   * Submits one message from {@code from}; {@code done} runs once the entry answered (or the
   * submission was given up).
   */
  void submit(
      Phone from,
      List<String> to,
      List<String> cc,
      List<String> bcc,
      boolean deliveryReport,
      boolean readReply,
      Runnable done) {
    String t = from.number() + "-" + txn.incrementAndGet();
    SendReq.Builder b =
        SendReq.builder()
            .transactionId(t)
            .from(FromValue.insertAddress())
            .subject("lab " + t)
            .deliveryReport(deliveryReport)
            .readReport(readReply)
            .body(TEXT, SinglePartBody.of(("message " + t).getBytes(StandardCharsets.UTF_8)));
    to.forEach(n -> b.to(Address.plmn("+" + n)));
    cc.forEach(n -> b.cc(Address.plmn("+" + n)));
    bcc.forEach(n -> b.bcc(Address.plmn("+" + n)));
    byte[] pdu = PduCodec.encode(b.build());
    Set<String> recipients = new LinkedHashSet<>();
    recipients.addAll(to);
    recipients.addAll(cc);
    recipients.addAll(bcc);
    long start = System.nanoTime();
    later(
        0,
        () ->
            post(
                from.number(),
                from.entry(),
                pdu,
                "m-send-req " + t,
                response -> {
                  try {
                    SendConf conf = (SendConf) decode(response);
                    Optional<String> id = conf.messageId();
                    if (id.isEmpty()) {
                      net.ledger.violation(
                          from.entry() + " refused " + t + ": " + conf.responseStatus());
                    } else {
                      net.ledger.submitted(
                          new LabLedger.Submission(
                              id.get(),
                              from.number(),
                              from.entry(),
                              Set.copyOf(recipients),
                              deliveryReport,
                              readReply,
                              start));
                    }
                  } finally {
                    done.run();
                  }
                },
                done));
  }

  /** POSTs a PDU to a node's MM1 endpoint, retrying while the node is down. */
  private void post(
      String msisdn,
      String node,
      byte[] pdu,
      String what,
      Consumer<byte[]> onResponse,
      Runnable onGiveUp) {
    request(msisdn, node, "/mm1", pdu, what, onResponse, onGiveUp);
  }

  private void request(
      String msisdn,
      String node,
      String path,
      byte[] body,
      String what,
      Consumer<byte[]> onResponse,
      Runnable onGiveUp) {
    Optional<InetSocketAddress> a = net.http(node);
    int status = -1;
    byte[] response = null;
    String failure = node + " is down";
    if (a.isPresent()) {
      HttpRequest.Builder rb =
          HttpRequest.newBuilder(
                  URI.create("http://" + a.get().getHostString() + ":" + a.get().getPort() + path))
              .timeout(Duration.ofSeconds(10))
              .header("X-MSISDN", msisdn);
      HttpRequest req =
          body == null
              ? rb.GET().build()
              : rb.header("Content-Type", "application/vnd.wap.mms-message")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build();
      try {
        HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        status = r.statusCode();
        response = r.body();
        failure = "HTTP " + status;
      } catch (IOException e) {
        failure = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    if (status == 200 || status == 204) {
      if (LabWire.mentionsRouting(response)) {
        net.ledger.violation("routing fields leaked to phone " + msisdn + " in " + what);
      }
      onResponse.accept(response);
      return;
    }
    if (status >= 400 && status != 503) {
      net.ledger.violation(node + " answered " + what + " of " + msisdn + " with " + failure);
      onGiveUp.run();
      return;
    }
    if (System.nanoTime() > deadlineNanos) {
      net.ledger.violation(msisdn + " gave up " + what + " to " + node + ": " + failure);
      onGiveUp.run();
      return;
    }
    net.ledger.count("MM1 retries by phones");
    later(RETRY_MS, () -> request(msisdn, node, path, body, what, onResponse, onGiveUp));
  }

  private Pdu decode(byte[] bytes) {
    try {
      return PduCodec.decode(bytes);
    } catch (PduFormatException e) {
      throw new IllegalStateException("a phone could not decode a PDU: " + e.getMessage(), e);
    }
  }

  @Override
  public void push(String fromNode, String msisdn, byte[] bytes) {
    long at = System.nanoTime();
    later(0, () -> onPush(fromNode, msisdn, bytes, at));
  }

  private void onPush(String fromNode, String msisdn, byte[] bytes, long at) {
    Phone me = phones.get(msisdn);
    if (me == null) {
      net.ledger.violation(fromNode + " pushed to " + msisdn + ", which is no phone of the MMSE");
      return;
    }
    if (LabWire.mentionsRouting(bytes)) {
      net.ledger.violation("routing fields leaked to phone " + msisdn + " from " + fromNode);
    }
    Pdu pdu = decode(bytes);
    if (pdu instanceof NotificationInd n) {
      notified(me, fromNode, n, at);
    } else if (pdu instanceof DeliveryInd d) {
      net.ledger.reportAtPhone(
          LabLedger.ReportKind.DELIVERY,
          d.messageId().orElse("?"),
          LabWire.digits(d.to().map(Address::value).orElse("?")),
          fromNode,
          msisdn);
    } else if (pdu instanceof ReadOrigInd r) {
      net.ledger.reportAtPhone(
          LabLedger.ReportKind.READ,
          r.messageId().orElse("?"),
          LabWire.digits(r.from().flatMap(FromValue::address).map(Address::value).orElse("?")),
          fromNode,
          msisdn);
    } else {
      net.ledger.violation(fromNode + " pushed an unexpected " + pdu.messageType());
    }
  }

  private void notified(Phone me, String fromNode, NotificationInd n, long at) {
    String url = n.contentLocation().orElse("");
    String t = n.transactionId().orElse("");
    URI u = URI.create(url);
    Optional<String> node = net.nodeOfHost(u.getHost());
    if (node.isEmpty() || !node.get().equals(fromNode)) {
      net.ledger.violation(fromNode + " notified " + me.number() + " of " + url);
      return;
    }
    boolean deferred = random(url).nextDouble() < 0.25;
    Runnable fetch =
        () ->
            request(
                me.number(),
                node.get(),
                u.getPath(),
                null,
                "GET " + url,
                body -> retrieved(me, node.get(), t, deferred, (RetrieveConf) decode(body), at),
                () -> {});
    if (deferred) {
      byte[] resp =
          PduCodec.encode(NotifyRespInd.builder().transactionId(t).status(Status.DEFERRED).build());
      post(me.number(), node.get(), resp, "m-notifyresp-ind", x -> fetch.run(), () -> {});
    } else {
      fetch.run();
    }
  }

  private void retrieved(
      Phone me, String node, String t, boolean deferred, RetrieveConf conf, long notifiedAt) {
    String id = conf.messageId().orElse("?");
    net.ledger.delivered(id, me.number(), notifiedAt, node);
    byte[] confirm =
        deferred
            ? PduCodec.encode(AcknowledgeInd.builder().transactionId(t).build())
            : PduCodec.encode(
                NotifyRespInd.builder().transactionId(t).status(Status.RETRIEVED).build());
    post(
        me.number(),
        node,
        confirm,
        deferred ? "m-acknowledge-ind" : "m-notifyresp-ind",
        x -> {},
        () -> {});
    if (conf.readReport().orElse(false) && random(id + me.number()).nextDouble() < 0.6) {
      Optional<Address> originator = conf.from().flatMap(FromValue::address);
      if (originator.isEmpty()) {
        net.ledger.violation(id + " reached " + me.number() + " without an originator");
        return;
      }
      byte[] rr =
          PduCodec.encode(
              ReadRecInd.builder()
                  .messageId(id)
                  .to(originator.get())
                  .from(FromValue.insertAddress())
                  .date(Instant.now())
                  .readStatus(ReadStatus.READ)
                  .build());
      post(
          me.number(),
          me.entry(),
          rr,
          "m-read-rec-ind",
          x -> net.ledger.readReportSent(id, me.number()),
          () -> {});
    }
  }

  @Override
  public void close() {
    exec.shutdownNow();
  }
}
