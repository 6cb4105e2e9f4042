package org.mmsstack.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageIdsTest {

  private static final byte[] K1 =
      "0123456789abcdef-first".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] K2 =
      "0123456789abcdef-second".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /** RFC 5322 dot-atom-text. */
  private static final String DOT_ATOM =
      "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*";

  private final MessageIds ids = MessageIds.withKeys(K1);

  @Test
  void mintsAndParses() throws Exception {
    Random rnd = new Random(42);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      RelayId home = i % 2 == 0 ? Fixtures.C : RelayId.of("rs-" + "x".repeat(29));
      String id = ids.mint(home, rnd);
      assertTrue(seen.add(id));
      assertTrue(id.matches("r1\\.[a-z0-9-]+\\.[a-z2-7]{16}\\.[a-z2-7]{13}"), id);
      assertTrue(id.matches(DOT_ATOM), id);
      assertTrue(id.chars().allMatch(c -> c >= 0x21 && c <= 0x7E));
      assertTrue(id.length() <= 68, id);
      assertEquals(Optional.of(home), ids.parseHome(id));
      assertEquals(Optional.of(home), ids.parseHome("<" + id + "@mms.mnc001.mcc262.gprs>"));
      assertEquals(Optional.of(home), ids.parseHome("\"" + id + "\""));
      assertEquals(Optional.of(home), ids.parseHome(" " + id.toUpperCase(Locale.ROOT) + " "));
      assertTrue(MessageIds.isMinted(id));
    }
  }

  @Test
  void foreignIdsAreNotOurs() throws Exception {
    for (String foreign :
        new String[] {
          "",
          "abc",
          "<1234@mmsc.example>",
          "r1.rs-a.short.mac",
          "r2.rs-a.aaaaaaaaaaaaaaaa.aaaaaaaaaaaaa",
          "r1.-bad.aaaaaaaaaaaaaaaa.aaaaaaaaaaaaa",
          "r1.rs-a.aaaaaaaaaaaaaaa1.aaaaaaaaaaaaa",
          "x".repeat(10_000)
        }) {
      assertEquals(Optional.empty(), ids.parseHome(foreign), foreign);
      assertFalse(MessageIds.isMinted(foreign));
    }
    assertEquals(Optional.empty(), ids.parseHome(null));
  }

  @Test
  void detectsForgery() {
    String id = ids.mint(Fixtures.C, new Random(1));
    String otherHome = id.replace("r1.rs-c.", "r1.rs-a.");
    String otherRandom = id.substring(0, 8) + (id.charAt(8) == 'a' ? 'b' : 'a') + id.substring(9);
    char last = id.charAt(id.length() - 1);
    String otherMac = id.substring(0, id.length() - 1) + (last == 'a' ? 'q' : 'a');
    for (String forged : new String[] {otherHome, otherRandom, otherMac}) {
      RoutingFieldException e =
          assertThrows(RoutingFieldException.class, () -> ids.parseHome(forged), forged);
      assertEquals(RoutingFieldException.Reason.FORGED_MESSAGE_ID, e.reason());
    }
    assertThrows(RoutingFieldException.class, () -> MessageIds.withKeys(K2).parseHome(id));
  }

  @Test
  void rotatesSecrets() throws Exception {
    String old = ids.mint(Fixtures.A, new Random(3));
    MessageIds rotated = MessageIds.withKeys(K2, K1);
    String fresh = rotated.mint(Fixtures.B, new Random(4));
    assertEquals(Optional.of(Fixtures.A), rotated.parseHome(old));
    assertEquals(Optional.of(Fixtures.B), rotated.parseHome(fresh));
    assertThrows(RoutingFieldException.class, () -> ids.parseHome(fresh));
    assertThrows(IllegalArgumentException.class, () -> MessageIds.withKeys(new byte[15]));
  }
}
