/**
 * MM4 (3GPP TS 23.140) messages as RFC 5322/MIME mail, split the way {@code
 * org.mmsstack.encapsulation} is: the messages and the codec ({@code org.mmsstack.mm4}), the
 * header values ({@code org.mmsstack.mm4.value}), the MIME model ({@code org.mmsstack.mm4.mime}),
 * validation ({@code org.mmsstack.mm4.validate}); the SMTP client and receiver that carry them
 * ({@code org.mmsstack.mm4.smtp}); the conversion between binary MM1 PDUs and MM4 messages that an
 * MMS Relay/Server performs ({@code org.mmsstack.mm4.convert}); and a typed MM4 transport on top
 * of SMTP ({@code org.mmsstack.mm4.transport}). The MIME and SMTP syntax helpers stay internal.
 */
@SuppressWarnings("module") // "mm4" is the interface's name (3GPP TS 23.140), digit included
module org.mmsstack.mm4 {
  requires transitive org.mmsstack.encapsulation;
  requires org.apache.commons.codec;

  exports org.mmsstack.mm4;
  exports org.mmsstack.mm4.value;
  exports org.mmsstack.mm4.mime;
  exports org.mmsstack.mm4.validate;
  exports org.mmsstack.mm4.smtp;
  exports org.mmsstack.mm4.convert;
  exports org.mmsstack.mm4.transport;
}
