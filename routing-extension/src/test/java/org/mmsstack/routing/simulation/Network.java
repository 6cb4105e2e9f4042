package org.mmsstack.routing.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import org.mmsstack.mm4.Mm4FormatException;
import org.mmsstack.mm4.Mm4ForwardReq;
import org.mmsstack.mm4.Mm4Message;
import org.mmsstack.mm4.value.Mm4Address;

/**
 * Moves bytes between nodes, with virtual latency. Every hop is bytes: MM1 as binary PDUs, MM4
 * as RFC 5322 messages. The network is also where the checks that must see everything sit:
 * every byte that leaves the MMSE (to a foreign MMSE, to a legacy Relay/Server, to a phone) is
 * scanned for routing fields, and every MM4 request is recorded as an edge of its item's route.
 */
final class Network {

  /** How MM4 bytes get from one node to another: in memory, or over SMTP. */
  interface Mm4Link {
    /** The bytes as the receiving node gets them. */
    byte[] carry(Node from, Node to, List<String> rcptTo, byte[] mail) throws IOException;
  }

  static final Mm4Link MEMORY = (from, to, rcpt, mail) -> mail.clone();

  private static final long CONNECT_TIMEOUT_MS = 2_000;
  private static final long RESPONSE_TIMEOUT_MS = 30_000;

  private final World world;
  private final Mm4Link intraLink;

  Network(World world, Mm4Link intraLink) {
    this.world = world;
    this.intraLink = intraLink;
  }

  private long latency(int min, int max) {
    return min + world.rnd.nextInt(max - min + 1);
  }

  /**
   * Sends an MM4 request. {@code onResponse} gets the response bytes, or null when the peer
   * could not be reached or its response was lost; it runs as work of the sender.
   */
  void mm4(Node from, Node to, List<String> rcptTo, byte[] mail, Consumer<byte[]> onResponse) {
    checkLeak(from, to, mail, "MM4 request");
    world.loop.after(
        latency(5, 50),
        () -> {
          if (to.isDown()) {
            world.ledger.count("mm4 attempts to a node that is down");
            from.schedule(CONNECT_TIMEOUT_MS, () -> onResponse.accept(null));
            return;
          }
          observe(from, to, rcptTo, mail);
          Mm4Link link = from.inMmse() && to.inMmse() ? intraLink : MEMORY;
          byte[] response;
          byte[] back;
          try {
            byte[] received = link.carry(from, to, rcptTo, mail);
            response = ((Node.Mm4Endpoint) to).onMm4(from, rcptTo, received);
            checkLeak(to, from, response, "MM4 response");
            back =
                link.carry(
                    to, from, List.of(Mm1Mm4.systemUser(from.name + "." + world.domain)), response);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          world.maybeTamper(from, to, rcptTo, mail);
          if (from.inMmse()
              && to.inMmse()
              && world.config.responseLoss > 0
              && world.rnd.nextDouble() < world.config.responseLoss) {
            world.ledger.count("mm4 responses lost (request processed)");
            from.schedule(RESPONSE_TIMEOUT_MS, () -> onResponse.accept(null));
            return;
          }
          from.schedule(latency(5, 50), () -> onResponse.accept(back));
        });
  }

  /** Sends an MM4 request whose response nobody waits for (an attacker's injection). */
  void mm4Injected(
      Node from, Node to, List<String> rcptTo, byte[] mail, Consumer<byte[]> onResponse) {
    world.loop.after(
        latency(5, 50),
        () -> {
          if (!to.isDown()) {
            onResponse.accept(((Node.Mm4Endpoint) to).onMm4(from, rcptTo, mail.clone()));
          }
        });
  }

  /** An MM1 request from a phone (HTTP POST); null response when the Relay/Server is down. */
  void mm1(Phone from, RelayNode to, byte[] pdu, Consumer<byte[]> onResponse) {
    world.loop.after(
        latency(100, 500),
        () -> {
          if (to.isDown()) {
            world.ledger.count("mm1 attempts to a node that is down");
            world.loop.after(CONNECT_TIMEOUT_MS, () -> onResponse.accept(null));
            return;
          }
          byte[] response = to.onMm1(from, pdu.clone());
          if (response != null) {
            checkLeak(to, from, response, "MM1 response");
          }
          world.loop.after(latency(100, 500), () -> onResponse.accept(response));
        });
  }

  /** A retrieval (HTTP GET of the Content-Location); null when the Relay/Server is down. */
  void get(Phone from, RelayNode to, String url, Consumer<byte[]> onResponse) {
    world.loop.after(
        latency(100, 500),
        () -> {
          if (to.isDown()) {
            world.loop.after(CONNECT_TIMEOUT_MS, () -> onResponse.accept(null));
            return;
          }
          byte[] response = to.onGet(from, url);
          if (response != null) {
            checkLeak(to, from, response, "m-retrieve-conf");
          }
          world.loop.after(latency(100, 500), () -> onResponse.accept(response));
        });
  }

  /** A push to a phone (m-notification-ind, m-delivery-ind, m-read-orig-ind). */
  void push(RelayNode from, Phone to, byte[] pdu) {
    checkLeak(from, to, pdu, "push");
    byte[] copy = pdu.clone();
    world.loop.after(latency(200, 2_000), () -> to.onPush(from, copy));
  }

  private void checkLeak(Node from, Node to, byte[] bytes, String what) {
    boolean outside = to instanceof Phone || to instanceof ForeignMmse || to instanceof LegacyRelay;
    if (outside) {
      world.ledger.count("bytes checked for routing fields leaving the MMSE");
      if (Mm4Wire.mentionsRouting(bytes)) {
        String text =
            new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)
                .toLowerCase(java.util.Locale.ROOT);
        if (from instanceof LegacyRelay
            && to instanceof Phone
            && !text.contains("x-mms-routing-signature")
            && !text.contains("x-mms-routing-path")) {
          // A phone's own forged header, carried between two phones of one legacy Relay/Server
          // without passing any extended Relay/Server: nothing of the MMSE's routing leaks.
          world.ledger.count(
              "phone-written routing headers echoed by legacy Relay/Servers to their phones");
        } else {
          world.ledger.violation("routing field leaked in " + what + " from " + from + " to " + to);
        }
      }
    }
  }

  /** Records a request that reached its peer as an edge of its item's route. */
  private void observe(Node from, Node to, List<String> rcptTo, byte[] mail) {
    Mm4Message m;
    try {
      m = Mm4Wire.parse(mail);
    } catch (Mm4FormatException e) {
      world.ledger.violation("unparsable MM4 from " + from + ": " + e.getMessage());
      return;
    }
    String id = m.messageId().orElse("?");
    if (m instanceof Mm4ForwardReq) {
      for (String r : rcptTo) {
        world.ledger.edge(Ledger.key(id, Mm4Wire.digits(r)), from.name, to.name);
      }
      world.ledger.count("mm4 forward requests sent");
    } else {
      String subject = m.from().map(Mm4Address::value).map(Mm4Wire::digits).orElse("?");
      world.ledger.edge(id + "|" + subject + "|" + m.messageType(), from.name, to.name);
      world.ledger.count("mm4 report requests sent");
    }
  }
}
