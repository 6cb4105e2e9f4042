package org.mmsstack.routing;

import java.time.Instant;
import java.util.List;

/** Shared sample values. */
final class Fixtures {

  static final RelayId A = RelayId.of("rs-a");
  static final RelayId B = RelayId.of("rs-b");
  static final RelayId C = RelayId.of("rs-c");
  static final Instant T0 = Instant.ofEpochSecond(1_790_000_000L);

  private Fixtures() {}

  static RoutingFields fields() {
    return RoutingFields.builder()
        .entry(A)
        .home(C)
        .path(List.of(A, B))
        .hopLimit(8)
        .tableVersion(42)
        .charging(A)
        .recipients(List.of(Recipient.e164("491711234567"), Recipient.e164("+491729876543")))
        .issuedAt(T0)
        .build();
  }

  static MessageIdentity identity() {
    return MessageIdentity.of(
        MessageKind.MESSAGE,
        "r1.rs-c.aaaaaaaaaaaaaaaa.bbbbbbbbbbbbb",
        "t-1",
        T0.minusSeconds(5),
        "+491701111111/TYPE=PLMN");
  }

  static byte[] seed(int b) {
    byte[] s = new byte[32];
    java.util.Arrays.fill(s, (byte) b);
    return s;
  }
}
