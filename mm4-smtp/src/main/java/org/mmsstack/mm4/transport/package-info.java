/**
 * A typed MM4 transport: MM4 messages (not bytes) over SMTP between the Relay/Servers of two
 * MMSEs, on top of {@link org.mmsstack.mm4.smtp}.
 *
 * <ul>
 *   <li>{@link org.mmsstack.mm4.transport.Mm4Sender} formats a message, derives its envelope
 *       ({@link org.mmsstack.mm4.transport.Mm4Envelopes}: MAIL FROM the originator system,
 *       RCPT TO the recipients in MM4 address form qualified with the peer's domain) and
 *       returns a {@link org.mmsstack.mm4.transport.Mm4SendResult} (the reply to every
 *       recipient) only after the peer's 250 to the content.
 *   <li>{@link org.mmsstack.mm4.transport.Mm4Receiver} parses each received mail with the MM4
 *       codec and hands envelope, message and findings to a {@link
 *       org.mmsstack.mm4.transport.Mm4MessageHandler}, whose decision is the SMTP reply; mail
 *       that is not MM4 gets 554.
 * </ul>
 *
 * <p>The MM4 responses (MM4_forward.RES, ...) are messages of their own, sent back with a sender
 * of their own; this layer does not pair them with requests.
 */
package org.mmsstack.mm4.transport;
