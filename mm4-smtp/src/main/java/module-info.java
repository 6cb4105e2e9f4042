/**
 * MM4 (3GPP TS 23.140) messages as RFC 5322/MIME mail: the typed message model, the parser and
 * formatter, and validation. Only {@code org.mmsstack.mm4} is exported; the MIME syntax helpers
 * stay internal.
 */
module org.mmsstack.mm4 {
  requires org.apache.commons.codec;

  exports org.mmsstack.mm4;
}
