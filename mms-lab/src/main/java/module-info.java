/**
 * The routing lab: Relay/Servers that run the routing extension over real protocols (MM1 over
 * HTTP, MM4 over SMTP) on the loopback interface, with simulated phones and an exactly-once
 * ledger. A lab, not a production MMSC: the store is memory.
 */
module org.mmsstack.lab {
  requires org.mmsstack.encapsulation;
  requires org.mmsstack.mm4;
  requires transitive org.mmsstack.routing;
  requires jdk.httpserver;
  requires java.net.http;

  exports org.mmsstack.lab;
}
