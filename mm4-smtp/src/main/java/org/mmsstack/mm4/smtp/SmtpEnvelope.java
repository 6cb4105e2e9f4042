package org.mmsstack.mm4.smtp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The SMTP envelope of one mail transaction: the reverse-path of MAIL FROM and the forward-paths
 * of the RCPT TO commands, in order, and on the receiving side the {@link #peer() peer} it came
 * from. Immutable and thread-safe; the recipient list holds no duplicates and is never empty.
 *
 * <p>An empty reverse-path ({@code MAIL FROM:<>}, RFC 5321 section 4.5.5) is used for
 * notifications that must not cause further notifications.
 */
public final class SmtpEnvelope {
  private final SmtpAddress reversePath;
  private final List<SmtpAddress> recipients;
  private final SmtpPeer peer;

  private SmtpEnvelope(SmtpAddress reversePath, List<SmtpAddress> recipients, SmtpPeer peer) {
    this.reversePath = reversePath;
    this.recipients = recipients;
    this.peer = peer;
  }

  /**
   * An envelope from a sender to one or more recipients.
   *
   * @param reversePath the MAIL FROM address, or {@code null} for the empty reverse-path
   * @param recipients at least one RCPT TO address; duplicates are dropped, order is kept
   * @throws IllegalArgumentException when there is no recipient
   */
  public static SmtpEnvelope of(SmtpAddress reversePath, List<SmtpAddress> recipients) {
    Objects.requireNonNull(recipients, "recipients");
    LinkedHashSet<SmtpAddress> unique = new LinkedHashSet<>();
    for (SmtpAddress r : recipients) {
      unique.add(Objects.requireNonNull(r, "recipient"));
    }
    if (unique.isEmpty()) {
      throw new IllegalArgumentException(
          "recipients: empty (an SMTP transaction needs at least one RCPT TO)");
    }
    return new SmtpEnvelope(
        reversePath, Collections.unmodifiableList(new ArrayList<>(unique)), null);
  }

  /**
   * An envelope from wire-form addresses ({@code local@domain}, see
   * {@link SmtpAddress#parse(String)}).
   *
   * @param reversePath the MAIL FROM address, or {@code ""} for the empty reverse-path
   * @throws IllegalArgumentException when an address is invalid or there is no recipient
   */
  public static SmtpEnvelope of(String reversePath, String... recipients) {
    Objects.requireNonNull(reversePath, "reversePath");
    List<SmtpAddress> list = new ArrayList<>(recipients.length);
    for (String r : recipients) {
      list.add(SmtpAddress.parse(Objects.requireNonNull(r, "recipient")));
    }
    return of(reversePath.isEmpty() ? null : SmtpAddress.parse(reversePath), list);
  }

  /** The MAIL FROM address; empty for the null reverse-path {@code <>}. */
  public Optional<SmtpAddress> reversePath() {
    return Optional.ofNullable(reversePath);
  }

  /** The RCPT TO addresses in the order they are sent; unmodifiable, never empty. */
  public List<SmtpAddress> recipients() {
    return recipients;
  }

  /** The reverse-path with angle brackets, as written after {@code MAIL FROM:}. */
  public String reversePathString() {
    return reversePath == null ? "<>" : "<" + reversePath.toSmtpString() + ">";
  }

  /**
   * The peer the transaction came from: address, HELO/EHLO name, TLS session and verified client
   * identity. Present in the envelopes an {@link SmtpReceiver} hands to its handler; empty in
   * envelopes made for sending.
   */
  public Optional<SmtpPeer> peer() {
    return Optional.ofNullable(peer);
  }

  /** Returns an envelope with the same paths and the given recipients (and the same peer). */
  public SmtpEnvelope withRecipients(List<SmtpAddress> newRecipients) {
    SmtpEnvelope e = of(reversePath, newRecipients);
    return new SmtpEnvelope(e.reversePath, e.recipients, peer);
  }

  /** Returns an envelope with the same paths, received from {@code from}. */
  public SmtpEnvelope withPeer(SmtpPeer from) {
    return new SmtpEnvelope(reversePath, recipients, Objects.requireNonNull(from, "peer"));
  }

  /** Compares the paths only: two envelopes for the same transaction are equal whoever sent them. */
  @Override
  public boolean equals(Object o) {
    return o instanceof SmtpEnvelope
        && Objects.equals(((SmtpEnvelope) o).reversePath, reversePath)
        && ((SmtpEnvelope) o).recipients.equals(recipients);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(reversePath) * 31 + recipients.hashCode();
  }

  @Override
  public String toString() {
    return "SmtpEnvelope[from="
        + reversePathString()
        + ", to="
        + recipients
        + (peer == null ? "" : ", peer=" + peer)
        + "]";
  }
}
