/** The binary MMS PDU codec. */
module org.mmsstack.encapsulation {
  exports org.mmsstack.encapsulation;
}
