package org.mmsstack.mm4.smtp;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every receiver event as one line of text, for assertions. */
final class RecordingListener implements SmtpReceiverListener {
  final List<String> events = new CopyOnWriteArrayList<>();
  final List<SmtpPeer> tlsPeers = new CopyOnWriteArrayList<>();
  final List<Duration> backoffs = new CopyOnWriteArrayList<>();

  @Override
  public void connectionOpened(SmtpPeer peer) {
    events.add("opened " + peer.address().getAddress().getHostAddress());
  }

  @Override
  public void connectionRefused(InetSocketAddress address, String reason) {
    events.add("refused " + address.getAddress().getHostAddress() + " " + reason);
  }

  @Override
  public void connectionClosed(
      SmtpPeer peer, String reason, Duration duration, long bytesReceived) {
    events.add("closed " + peer.address().getAddress().getHostAddress() + " " + reason);
  }

  @Override
  public void tlsEstablished(SmtpPeer peer) {
    tlsPeers.add(peer);
    events.add("tls " + peer.identityNames());
  }

  @Override
  public void tlsFailed(InetSocketAddress address, Exception cause) {
    events.add("tls-failed " + address.getAddress().getHostAddress());
  }

  @Override
  public void commandRejected(SmtpPeer peer, String command, int code, String text) {
    events.add("rejected " + command + " " + code);
  }

  @Override
  public void messageAccepted(SmtpPeer peer, SmtpEnvelope envelope, long size) {
    events.add("accepted " + size);
  }

  @Override
  public void messageRefused(SmtpPeer peer, SmtpEnvelope envelope, int code, String reason) {
    events.add("refused-message " + code + " " + reason);
  }

  @Override
  public void acceptFailed(Exception cause, Duration backoff) {
    backoffs.add(backoff);
    events.add("accept-failed");
  }

  long count(String prefix) {
    return events.stream().filter(e -> e.startsWith(prefix)).count();
  }

  /** Waits up to {@code millis} for an event starting with {@code prefix}. */
  boolean await(String prefix, long millis) throws InterruptedException {
    return awaitCount(prefix, 1, millis) >= 1;
  }

  /**
   * Waits up to {@code millis} for {@code n} events starting with {@code prefix} (the receiver reports
   * a closed connection just after the peer sees it closed); returns the count then.
   */
  long awaitCount(String prefix, long n, long millis) throws InterruptedException {
    long end = System.nanoTime() + millis * 1_000_000;
    while (System.nanoTime() < end && count(prefix) < n) {
      Thread.sleep(20);
    }
    return count(prefix);
  }
}
