package org.mmsstack.mm4.convert;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.mm4.Mm4ForwardReq;
import org.mmsstack.mm4.value.Mm4Address;

/**
 * An MM turned into an MM4_forward.REQ, with what the SMTP envelope needs and the headers do not
 * say.
 *
 * @param message the MM4_forward.REQ
 * @param envelopeRecipients the RCPT TO recipients: the MM's To, Cc <em>and Bcc</em> recipients
 *     the recipient MMSE serves, qualified with its domain (PLMN and IPv4/IPv6 addresses) or as
 *     they are (e-mail); Bcc recipients appear only here, never in a header
 * @param deliveryTime when the MM may be delivered, if the sender asked for a later time
 *     (X-Mms-Delivery-Time, made absolute): MM4 has no such header, so the originator
 *     Relay/Server holds the message until then
 * @param notes what did not carry over
 */
public record ForwardConversion(
    Mm4ForwardReq message,
    List<Mm4Address> envelopeRecipients,
    Optional<Instant> deliveryTime,
    List<Finding> notes) {

  /** Copies the lists. */
  public ForwardConversion {
    Objects.requireNonNull(message, "message");
    envelopeRecipients = List.copyOf(envelopeRecipients);
    Objects.requireNonNull(deliveryTime, "deliveryTime");
    notes = List.copyOf(notes);
  }
}
