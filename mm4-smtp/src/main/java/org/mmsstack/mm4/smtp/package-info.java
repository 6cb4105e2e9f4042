/**
 * SMTP transport for MM4 (3GPP TS 23.140 runs MM4 over SMTP, RFC 5321): a client that sends
 * opaque RFC 5322 message bytes with an envelope, and a small receiver that hands complete
 * messages to a callback. This layer knows nothing of the MM4 message model; it moves bytes and
 * reports exactly what the peer acknowledged.
 *
 * <h2>Sending</h2>
 * <pre>{@code
 * SmtpEnvelope envelope = SmtpEnvelope.of(
 *         "system-user@mms.mnc002.mcc262.gprs",
 *         "+4912345678/TYPE=PLMN@mms.mnc001.mcc262.gprs",
 *         "+4912345679/TYPE=PLMN@mms.mnc001.mcc262.gprs");
 * SmtpClientConfig config = SmtpClientConfig.builder()
 *         .tlsMode(SmtpTlsMode.STARTTLS)
 *         .sslContext(sslContext)
 *         .readTimeout(Duration.ofMinutes(2))
 *         .build();
 * try (SmtpClient client = SmtpClient.connect("mx.mms.mnc001.mcc262.gprs", 25, config)) {
 *     SmtpSendResult result = client.send(envelope, mm4ForwardReqBytes);
 *     for (SmtpRecipientResult r : result.recipientResults()) {
 *         System.out.println(r.recipient() + " -> " + r.reply());
 *     }
 * } catch (SmtpException e) {
 *     // Not acknowledged: e.phase(), e.reason(), e.lastReply(), e.recipientResults(),
 *     // e.deliveryUncertain() say how far it got.
 * }
 * }</pre>
 *
 * <h2>Receiving</h2>
 * <pre>{@code
 * SmtpReceiverConfig config = SmtpReceiverConfig.builder()
 *         .port(2525).serverName("mms.mnc001.mcc262.gprs").maxMessageSize(2_000_000).build();
 * try (SmtpReceiver receiver = SmtpReceiver.start(config, (envelope, message) -> {
 *         store(envelope, message);           // message: dot-unstuffed, CR LF line ends
 *         return SmtpDeliveryOutcome.accepted();  // envelope.peer(): address, HELO, TLS session, identity
 *     })) {
 *     ...
 * }
 * }</pre>
 * The receiver's limits (connections per peer, command and session deadlines, minimum data
 * rate, accept back-off), TLS options (required TLS, {@code SSLParameters} for mutual TLS, allowed
 * client names and networks) and its listener are set in {@link
 * org.mmsstack.mm4.smtp.SmtpReceiverConfig}; it logs through {@link System.Logger}.
 *
 * <h2>Addresses</h2>
 * MM4 addresses such as {@code +4912345678/TYPE=PLMN@mms.mnc001.mcc262.gprs} have a local part
 * made only of RFC 5322 {@code atext}, so they are RFC 5321 Dot-strings and travel unquoted;
 * {@link org.mmsstack.mm4.smtp.SmtpAddress} quotes only local parts that need it.
 */
package org.mmsstack.mm4.smtp;
