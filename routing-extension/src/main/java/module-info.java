/**
 * The intra-MMSE routing extension: several MMS Relay/Servers in one MMS environment route
 * messages and reports among themselves while phones, legacy Relay/Servers and other MMSEs
 * see nothing new. The API is {@link org.mmsstack.routing.Provisional provisional}.
 */
module org.mmsstack.routing {
  requires transitive org.mmsstack.encapsulation;
  requires transitive org.mmsstack.mm4;
  requires org.bouncycastle.provider;

  exports org.mmsstack.routing;
  exports org.mmsstack.routing.table;
  exports org.mmsstack.routing.data;
}
