/**
 * Conversion between binary MM1 PDUs (OMA MMS Encapsulation, {@code org.mmsstack.encapsulation})
 * and MM4 messages (3GPP TS 23.140, {@code org.mmsstack.mm4}): the job of an MMS Relay/Server
 * between its own clients and another MMSE.
 *
 * <ul>
 *   <li>{@link org.mmsstack.mm4.convert.Mm1ToMm4}: m-send-req (or m-retrieve-conf) to
 *       MM4_forward.REQ, m-delivery-ind to MM4_delivery_report.REQ, m-read-rec-ind to
 *       MM4_read_reply_report.REQ.
 *   <li>{@link org.mmsstack.mm4.convert.Mm4ToMm1}: MM4_forward.REQ to m-notification-ind and
 *       m-retrieve-conf, MM4_delivery_report.REQ to m-delivery-ind, MM4_read_reply_report.REQ to
 *       m-read-orig-ind.
 *   <li>{@link org.mmsstack.mm4.convert.BodyConversion}: WSP multipart body to MIME and back.
 *   <li>{@link org.mmsstack.mm4.convert.ValueMapping}: every value table (statuses, priority,
 *       class, visibility, yes/no, content class, times), both directions.
 *   <li>{@link org.mmsstack.mm4.convert.ConversionContext}: what the message does not say (ids,
 *       domains, clock, versions, the sender's real address).
 * </ul>
 *
 * <p>Conversions never change their input. What cannot be carried is reported as a {@link
 * org.mmsstack.encapsulation.Finding} in the result's {@code notes()}, coded {@code
 * conversion-dropped} (left out) or {@code conversion-mapped} (carried in another form; {@link
 * org.mmsstack.mm4.validate.Mm4FindingCodes}), its header the field concerned; what makes a
 * conversion impossible is a {@link org.mmsstack.mm4.convert.ConversionException}.
 */
package org.mmsstack.mm4.convert;
