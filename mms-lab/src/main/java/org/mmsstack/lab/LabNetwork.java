package org.mmsstack.lab;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the lab's nodes and phones share instead of DNS and a push proxy: the current SMTP and
 * HTTP addresses of each running node (a restarted node binds new ephemeral ports and registers
 * them again; a stopped node has none), and the hand-over of pushed PDUs (m-notification-ind,
 * m-delivery-ind, m-read-orig-ind) to the simulated phones. Thread-safe.
 */
final class LabNetwork {

  /** Receives what a Relay/Server pushes to a phone. */
  interface PushSink {
    void push(String fromNode, String msisdn, byte[] pdu);
  }

  /** The MMSE's domain, in host names, envelopes and URLs. */
  final String domain;

  final LabLedger ledger;
  private final Map<String, InetSocketAddress> smtp = new ConcurrentHashMap<>();
  private final Map<String, InetSocketAddress> http = new ConcurrentHashMap<>();
  private volatile PushSink pushSink;

  LabNetwork(String domain, LabLedger ledger) {
    this.domain = domain;
    this.ledger = ledger;
  }

  void register(String node, InetSocketAddress smtpAddress, InetSocketAddress httpAddress) {
    smtp.put(node, smtpAddress);
    http.put(node, httpAddress);
  }

  void unregister(String node) {
    smtp.remove(node);
    http.remove(node);
  }

  Optional<InetSocketAddress> smtp(String node) {
    return Optional.ofNullable(smtp.get(node));
  }

  Optional<InetSocketAddress> http(String node) {
    return Optional.ofNullable(http.get(node));
  }

  /** The host name of a node, as in HELO, envelopes and Content-Location URLs. */
  String host(String node) {
    return node + "." + domain;
  }

  /** The node a host name names, if it is one of ours. */
  Optional<String> nodeOfHost(String host) {
    String suffix = "." + domain;
    if (host == null || !host.endsWith(suffix)) {
      return Optional.empty();
    }
    return Optional.of(host.substring(0, host.length() - suffix.length()));
  }

  void pushSink(PushSink sink) {
    this.pushSink = sink;
  }

  void push(String fromNode, String msisdn, byte[] pdu) {
    PushSink s = pushSink;
    if (s == null) {
      ledger.violation(fromNode + " pushed to " + msisdn + " with no phones attached");
      return;
    }
    s.push(fromNode, msisdn, pdu);
  }
}
