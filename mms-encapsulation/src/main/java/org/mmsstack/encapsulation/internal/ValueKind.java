package org.mmsstack.encapsulation.internal;

/** The grammar of a header field's value; one constant per distinct rule of the specification. */
public enum ValueKind {
  /** Encoded-string-value holding an address (To, Cc, Bcc). */
  ADDRESS,
  /** Text-string (Uri-value, Message-ID, Transaction-ID, application ids). */
  TEXT,
  /** Content-type-value. */
  CONTENT_TYPE,
  /** Date-value: Long-integer seconds. */
  DATE,
  /** Yes (0x80) / No (0x81). */
  YES_NO,
  /** Value-length, Absolute/Relative token, Date-value or Delta-seconds-value. */
  TIME,
  /** From-value. */
  FROM,
  /** Class-identifier octet or Token-text. */
  MESSAGE_CLASS,
  /** X-Mms-Message-Type octet. */
  MESSAGE_TYPE,
  /** Short-integer version. */
  VERSION,
  /** Long-integer (sizes); an Integer-value is accepted on decode. */
  LONG,
  /** Integer-value. */
  INTEGER,
  /** One octet from a defined set. */
  OCTET,
  /** Encoded-string-value. */
  ENCODED_STRING,
  /** Previously-sent-by-value. */
  PREVIOUSLY_SENT_BY,
  /** Previously-sent-date-value. */
  PREVIOUSLY_SENT_DATE,
  /** MM-flags-value. */
  MM_FLAGS,
  /** Mbox-totals-value / Mbox-quotas-value. */
  MBOX_COUNT,
  /** Element-Descriptor-value. */
  ELEMENT_DESCRIPTOR,
  /** Short-integer naming a header field. */
  ATTRIBUTE,
  /** Anything: stepped over by the first-octet rule and kept as it is. */
  RAW,
  /** Del form: Value-length, Status-count-value, Uri-value. */
  INDEXED_TEXT,
  /** Del form: Value-length, Status-count-value, Response-Status octet. */
  INDEXED_OCTET,
  /** Del form: Value-length, Status-count-value, Encoded-string-value. */
  INDEXED_ENCODED_STRING,
  /** Application-header value: Text-string. */
  APPLICATION
}
