/**
 * PDU bodies: a {@link org.mmsstack.encapsulation.body.MultipartBody} of {@link
 * org.mmsstack.encapsulation.body.Part}s ({@code application/vnd.wap.multipart.*}, WAP-230
 * section 8.5) or a {@link org.mmsstack.encapsulation.body.SinglePartBody}, and the part headers
 * they carry.
 *
 * <p>Bodies and parts are immutable. Decoded ones expose their data as read-only views of the
 * decoder's input, never copies: the caller must not change that array while they are in use.
 * Nested multiparts are decoded on request ({@code Part.asMultipart}), within the limits of the
 * {@link org.mmsstack.encapsulation.DecodeConfig} given.
 */
package org.mmsstack.encapsulation.body;
