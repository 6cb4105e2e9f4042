package org.mmsstack.mm4.smtp.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsstack.mm4.smtp.SmtpReceiverConfig;

/** CIDR matching of the receiver's network allow-list, and the configuration's checks of it. */
class NetworkAllowListTest {

  static boolean allows(List<String> entries, String address) throws Exception {
    return NetworkAllowList.of(entries).allows(InetAddress.getByName(address));
  }

  @Test
  void matchesPrefixesOfBothFamilies() throws Exception {
    List<String> list = List.of("192.0.2.0/24", "198.51.100.7", "2001:db8::/33", "10.0.0.0/9");
    assertTrue(allows(list, "192.0.2.255"));
    assertFalse(allows(list, "192.0.3.0"));
    assertTrue(allows(list, "198.51.100.7"));
    assertFalse(allows(list, "198.51.100.8"));
    assertTrue(allows(list, "2001:db8:7fff::1"));
    assertFalse(allows(list, "2001:db8:8000::1"), "bit 33 is outside the /33");
    assertTrue(allows(list, "10.127.255.255"));
    assertFalse(allows(list, "10.128.0.0"));
    assertFalse(allows(list, "::ffff:192.0.3.1"));
  }

  @Test
  void emptyListAllowsEveryone() throws Exception {
    assertTrue(allows(List.of(), "203.0.113.9"));
    assertTrue(allows(List.of("0.0.0.0/0"), "203.0.113.9"));
  }

  @Test
  void badEntriesAreRefusedNamingTheSetting() {
    for (String bad :
        List.of(
            "mx.example.org", "192.0.2.0/33", "192.0.2.0/", "/24", "2001:db8::/129", "1.2.3.4/x")) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> SmtpReceiverConfig.builder().allowedNetworks(List.of(bad)),
              bad);
      assertTrue(e.getMessage().startsWith("allowedNetworks: '" + bad + "'"), e.getMessage());
    }
  }
}
