/**
 * Wire-level helpers of the MM4 codec, not exported: RFC 5322 folding, RFC 2047 encoded words,
 * address, date and MIME parameter grammar, and the base64/quoted-printable decoders that work on
 * slices of the input. The types here never appear in a public signature, so the syntax layer can
 * change without touching the API in {@code org.mmsstack.mm4}.
 */
package org.mmsstack.mm4.internal.mime;
