/**
 * The binary MMS PDUs of OMA MMS Encapsulation 1.0-1.3 and their codec.
 *
 * <p>{@link org.mmsstack.encapsulation.PduCodec} decodes octets into an immutable {@link
 * org.mmsstack.encapsulation.Pdu} (one final class per message type, from {@code m-send-req} to
 * {@code m-cancel-conf}) and encodes a PDU back; {@link org.mmsstack.encapsulation.DecodeConfig}
 * holds the limits and the one strictness switch. Lenient decoding lists what it recovered from as
 * {@link org.mmsstack.encapsulation.Finding}s on the PDU; strict decoding and malformed input give
 * a {@link org.mmsstack.encapsulation.PduFormatException} with a reason, the byte offset and the
 * header. PDUs are composed with their builders ({@code SendReq.builder()}) or changed with
 * {@code toBuilder()}.
 *
 * <p>The codec is stateless and thread-safe, and so are decoded PDUs. A decoded PDU views the
 * caller's input array instead of copying it: do not change that array while the PDU is in use.
 *
 * <p>Typed header values are in {@code .value}, bodies and parts in {@code .body}, the validator
 * in {@code .validate}.
 */
package org.mmsstack.encapsulation;
