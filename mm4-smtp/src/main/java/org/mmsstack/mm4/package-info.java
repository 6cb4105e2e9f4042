/**
 * MM4 messages (3GPP TS 23.140 §8.4): RFC 5322 mail with MIME bodies and X-Mms-* header fields,
 * exchanged over SMTP between the MMS Relay/Servers of different MMS environments.
 *
 * <ul>
 *   <li>{@link org.mmsstack.mm4.Mm4Message} is sealed over the six message types, each immutable
 *       and thread-safe, with a builder that enforces the elements its type requires.
 *   <li>{@link org.mmsstack.mm4.Mm4Codec} is the static, thread-safe codec: {@code decode} (lenient
 *       or strict, see {@link org.mmsstack.mm4.Mm4Config}) and {@code encode}; unknown fields are
 *       kept in order, and unchanged fields are written back byte for byte. A decoded message views
 *       the caller's array.
 *   <li>{@link org.mmsstack.mm4.Mm4Message#findings()} lists, as {@link
 *       org.mmsstack.encapsulation.Finding}s with line and offset, what lenient decoding recovered
 *       from; {@link org.mmsstack.mm4.Mm4FormatException} is the one checked exception.
 * </ul>
 *
 * <p>Header values are in {@code org.mmsstack.mm4.value} (with the PDU value types of {@code
 * org.mmsstack.encapsulation.value} where MM4 and MM1 share a concept), the MIME tree in {@code
 * org.mmsstack.mm4.mime}, validation in {@code org.mmsstack.mm4.validate}.
 */
package org.mmsstack.mm4;
