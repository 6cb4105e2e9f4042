/**
 * MMS PDUs and MM4 mail out of packet captures: pcap and pcapng containers (gzip-compressed or
 * not, streamed whatever their size), link layers, IP fragments, GTP-U tunnels, TCP reassembly,
 * HTTP/1.x, connectionless WSP and SMTP. One exported package, {@code org.mmsstack.capture}; its
 * findings are {@link org.mmsstack.encapsulation.Finding}s.
 */
module org.mmsstack.capture {
  requires transitive org.mmsstack.encapsulation;

  exports org.mmsstack.capture;
}
