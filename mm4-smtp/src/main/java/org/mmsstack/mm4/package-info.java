/**
 * MM4 messages (3GPP TS 23.140 §8.4): RFC 5322 mail with MIME bodies and X-Mms-* header fields,
 * exchanged over SMTP between the MMS Relay/Servers of different MMS environments.
 *
 * <ul>
 *   <li>{@link org.mmsstack.mm4.Mm4Message} is sealed over the six message types, each immutable
 *       with a builder that enforces the elements its type requires.
 *   <li>{@link org.mmsstack.mm4.Mm4Codec} parses (strict or lenient, see {@link
 *       org.mmsstack.mm4.Mm4Config}) and formats; unknown fields are kept in order, and unchanged
 *       fields are written back byte for byte.
 *   <li>{@link org.mmsstack.mm4.MimeEntity} is the MIME tree of the content, with typed access to
 *       content type, Content-ID, Content-Location, disposition, charset and decoded data.
 *   <li>{@link org.mmsstack.mm4.Mm4FormatException} is the one checked exception; {@link
 *       org.mmsstack.mm4.Mm4Finding}s report what lenient parsing tolerated and what {@link
 *       org.mmsstack.mm4.Mm4Validator} found.
 * </ul>
 */
package org.mmsstack.mm4;
