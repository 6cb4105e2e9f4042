/**
 * The binary MMS PDU codec: OMA MMS Encapsulation 1.0-1.3 on WSP encoding.
 *
 * <p>{@code org.mmsstack.encapsulation} holds the PDUs and the codec, {@code .value} the typed
 * header values, {@code .body} multipart bodies and parts, {@code .validate} the validator.
 * Wire-level code lives in {@code .internal} packages, which are not exported.
 */
module org.mmsstack.encapsulation {
  exports org.mmsstack.encapsulation;
  exports org.mmsstack.encapsulation.value;
  exports org.mmsstack.encapsulation.body;
  exports org.mmsstack.encapsulation.validate;
}
