/**
 * Typed values of MMS header fields: addresses, encoded strings with their character set,
 * dates and intervals, content types with parameters, and value classes for every enumerated
 * header value. Value classes keep codes they do not know, so nothing decoded is lost.
 *
 * <p>The factories here make any value a decoder can meet, including values no encoder could
 * write back canonically (a decoded PDU keeps those with their octets). What the encoder cannot
 * write so that it reads back the same is refused where a value is put into a PDU or a part:
 * {@link org.mmsstack.encapsulation.Header#of(org.mmsstack.encapsulation.HeaderField, Object)}
 * lists the rules.
 */
package org.mmsstack.encapsulation.value;
