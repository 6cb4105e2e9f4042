package org.mmsstack.mm4.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mmsstack.mm4.Mm4ForwardReq;
import org.mmsstack.mm4.Mm4Message;
import org.mmsstack.mm4.smtp.SmtpAddress;
import org.mmsstack.mm4.smtp.SmtpEnvelope;
import org.mmsstack.mm4.value.Mm4Address;

/**
 * The SMTP envelope of an MM4 message (3GPP TS 23.140 §8.4.1):
 *
 * <ul>
 *   <li>MAIL FROM: the X-Mms-Originator-System of a request (the system that takes the
 *       responses and reports back), else Sender, else From; it must be a qualified address.
 *       This is the address the message came from, so bounces reach the Relay/Server.
 *   <li>RCPT TO: for an MM4_forward.REQ every To and Cc recipient; for the other five types the
 *       To recipients (the original sender of a report; the originator system a response answers).
 *       Each in the MM4 address form: a typed address ({@code +4912345678/TYPE=PLMN}) qualified
 *       with the peer MMSE's domain, an address that has a domain as it is, display names dropped.
 * </ul>
 *
 * Bcc recipients of an MM are in no header: pass them explicitly ({@link
 * #of(Mm4Message, List)}), as {@link org.mmsstack.mm4.convert.ForwardConversion#envelopeRecipients()}
 * gives them.
 */
public final class Mm4Envelopes {

  private Mm4Envelopes() {}

  /**
   * Derives the envelope from the message's headers.
   *
   * @param message the message
   * @param peerDomain the receiving MMSE's domain, qualifying unqualified typed recipients
   * @return the envelope
   * @throws IllegalArgumentException when the message has no usable reverse-path or recipient
   */
  public static SmtpEnvelope derive(Mm4Message message, String peerDomain) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(peerDomain, "peerDomain");
    List<Mm4Address> rcpt = new ArrayList<>(message.to());
    if (message instanceof Mm4ForwardReq) {
      rcpt.addAll(message.cc());
    }
    List<Mm4Address> qualified = new ArrayList<>(rcpt.size());
    for (Mm4Address a : rcpt) {
      qualified.add(a.domain().isPresent() ? a : a.withDomain(peerDomain));
    }
    return of(message, qualified);
  }

  /**
   * The envelope with explicit, already qualified recipients.
   *
   * @throws IllegalArgumentException when an address has no domain, cannot travel in SMTP, or
   *     the list is empty
   */
  public static SmtpEnvelope of(Mm4Message message, List<Mm4Address> recipients) {
    Objects.requireNonNull(message, "message");
    List<SmtpAddress> out = new ArrayList<>(recipients.size());
    for (Mm4Address a : recipients) {
      out.add(smtp(a, "recipient"));
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(
          "recipients: none (the message has no To"
              + (message instanceof Mm4ForwardReq ? " or Cc" : "")
              + ")");
    }
    return SmtpEnvelope.of(
        reversePath(message).map(a -> smtp(a, "reverse-path")).orElse(null), out);
  }

  private static Optional<Mm4Address> reversePath(Mm4Message m) {
    Optional<Mm4Address> a =
        m.originatorSystem().or(m::sender).or(m::from).filter(x -> x.domain().isPresent());
    if (a.isEmpty()) {
      throw new IllegalArgumentException(
          "reverse-path: the message has no qualified X-Mms-Originator-System, Sender or From");
    }
    return a;
  }

  /** An MM4 address as an SMTP mailbox (local part with its /TYPE= suffix, domain). */
  public static SmtpAddress smtp(Mm4Address a, String what) {
    if (a.domain().isEmpty()) {
      throw new IllegalArgumentException(what + ": " + a + " (expected: a qualified address)");
    }
    return SmtpAddress.of(a.localPart(), a.domain().get());
  }
}
