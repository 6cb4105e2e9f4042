package org.mmsstack.lab;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.mmsstack.mm4.smtp.SmtpClient;
import org.mmsstack.mm4.smtp.SmtpClientConfig;
import org.mmsstack.mm4.smtp.SmtpEnvelope;
import org.mmsstack.mm4.smtp.SmtpException;
import org.mmsstack.mm4.smtp.SmtpSendResult;

/**
 * A node's MM4 queue: every request and response it sends to another node goes through here and
 * is retried until the peer's SMTP receiver accepts it (MM4 is store and forward). A stopped
 * peer, a refused connection or a cut transfer only delay the item; the message is built again
 * for each attempt, so a signed hop is signed afresh (issued-at = attempt time). The queue
 * outlives {@link #stop()}: a restarted node sends what was waiting.
 *
 * <p>Thread-safe; {@value #SENDERS} sender threads while running, each with its own connection
 * per peer, so transfers are not serialised behind one another (an SMTP transfer on loopback
 * mostly waits).
 */
final class Outbox {

  private static final long FIRST_RETRY_MS = 20;
  private static final long MAX_RETRY_MS = 500;

  /** Sender threads per node, each with its own connections. */
  private static final int SENDERS = 4;

  /** One transmission to do. */
  private static final class Item implements Delayed {
    final String target;
    final List<String> rcpt;
    final Supplier<byte[]> build;
    final String what;
    final long created = System.nanoTime();
    int attempts;
    boolean permanent;
    volatile long due = System.nanoTime();

    Item(String target, List<String> rcpt, Supplier<byte[]> build, String what) {
      this.target = target;
      this.rcpt = List.copyOf(rcpt);
      this.build = build;
      this.what = what;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(due - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed o) {
      return Long.compare(due, ((Item) o).due);
    }
  }

  private final String self;
  private final LabNetwork net;
  private final Duration giveUpAfter;
  private final DelayQueue<Item> queue = new DelayQueue<>();
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final List<Thread> senders = new ArrayList<>();
  private volatile boolean running;

  Outbox(String self, LabNetwork net, Duration giveUpAfter) {
    this.self = self;
    this.net = net;
    this.giveUpAfter = giveUpAfter;
  }

  /** Queues a transmission to {@code target}'s SMTP receiver. */
  void send(String target, List<String> rcpt, Supplier<byte[]> build, String what) {
    pending.incrementAndGet();
    queue.add(new Item(target, rcpt, build, what));
  }

  /** Items queued or in transfer. */
  int pending() {
    return pending.get();
  }

  long sent() {
    return sent.get();
  }

  long retries() {
    return retries.get();
  }

  synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    for (int i = 0; i < SENDERS; i++) {
      Thread t = new Thread(this::run, "outbox-" + self + "-" + i);
      t.setDaemon(true);
      senders.add(t);
      t.start();
    }
  }

  /** Stops sending; queued items stay queued. Waits for the sender threads to end. */
  void stop() {
    List<Thread> ts;
    synchronized (this) {
      running = false;
      ts = new ArrayList<>(senders);
      senders.clear();
    }
    for (Thread t : ts) {
      t.interrupt();
    }
    for (Thread t : ts) {
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run() {
    // Each sender thread keeps its own connections: transfers to one peer run in parallel.
    Map<String, SmtpClient> clients = new HashMap<>();
    try {
      while (running) {
        Item item = queue.poll(100, TimeUnit.MILLISECONDS);
        if (item == null) {
          continue;
        }
        if (!running) {
          queue.add(item);
          break;
        }
        attempt(item, clients);
      }
    } catch (InterruptedException e) {
      // stop() asked us to end
    } finally {
      for (SmtpClient c : clients.values()) {
        c.close();
      }
      clients.clear();
    }
  }

  private void attempt(Item item, Map<String, SmtpClient> clients) {
    item.attempts++;
    Optional<String> failure = transfer(item, clients);
    if (failure.isEmpty()) {
      sent.incrementAndGet();
      pending.decrementAndGet();
      return;
    }
    if (item.permanent) {
      pending.decrementAndGet();
      return;
    }
    if (System.nanoTime() - item.created > giveUpAfter.toNanos()) {
      net.ledger.violation(
          self
              + " gave up sending "
              + item.what
              + " to "
              + item.target
              + " after "
              + item.attempts
              + " attempts: "
              + failure.get());
      pending.decrementAndGet();
      return;
    }
    retries.incrementAndGet();
    long delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS << Math.min(item.attempts, 5));
    item.due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay);
    queue.add(item);
  }

  /** One attempt; the failure reason, or empty when the peer accepted the message. */
  private Optional<String> transfer(Item item, Map<String, SmtpClient> clients) {
    Optional<InetSocketAddress> address = net.smtp(item.target);
    if (address.isEmpty()) {
      return Optional.of(item.target + " is down");
    }
    SmtpClient client = clients.get(item.target);
    try {
      if (client == null || !client.isOpen()) {
        SmtpClientConfig cc =
            SmtpClientConfig.builder()
                .helloName(net.host(self))
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(10))
                .build();
        client = SmtpClient.connect(address.get().getHostString(), address.get().getPort(), cc);
        clients.put(item.target, client);
      }
      SmtpEnvelope envelope =
          SmtpEnvelope.of(LabWire.systemUser(net.host(self)), item.rcpt.toArray(new String[0]));
      SmtpSendResult result = client.send(envelope, item.build.get());
      if (!result.allRecipientsAccepted()) {
        return Optional.of("recipients refused: " + result.refusedRecipients());
      }
      return Optional.empty();
    } catch (SmtpException e) {
      if (e.lastReplyCode() >= 500 && e.lastReplyCode() < 600) {
        // A permanent refusal: retrying sends the same bytes to the same answer.
        net.ledger.violation(
            item.target
                + " refused "
                + item.what
                + " from "
                + self
                + " for good: "
                + e.getMessage());
        item.permanent = true;
      }
      closeClient(clients, item.target, client);
      return Optional.of(e.toString());
    }
  }

  private static void closeClient(
      Map<String, SmtpClient> clients, String target, SmtpClient client) {
    if (client != null) {
      client.close();
    }
    clients.remove(target);
  }
}
