/**
 * Typed values of MMS header fields: addresses, encoded strings with their character set,
 * dates and intervals, content types with parameters, and value classes for every enumerated
 * header value. Value classes keep codes they do not know, so nothing decoded is lost.
 */
package org.mmsstack.encapsulation.value;
