package org.mmsstack.routing.data;

import java.time.Instant;
import java.util.Arrays;
import org.mmsstack.routing.KeyRing;
import org.mmsstack.routing.RelayId;
import org.mmsstack.routing.RouteTarget;
import org.mmsstack.routing.RoutingSigner;
import org.mmsstack.routing.table.RoutingTable;
import org.mmsstack.routing.table.TableVersion;

/** Routing data versions for the tests. */
final class DataFixtures {

  static final RelayId A = RelayId.of("rs-a");
  static final RelayId B = RelayId.of("rs-b");
  static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant UNTIL = Instant.parse("2036-01-01T00:00:00Z");

  private DataFixtures() {}

  /** A version whose prefix 4917 routes to rs-a, or to rs-b when {@code variant} is odd. */
  static RoutingData data(long version, int variant) {
    RoutingTable table =
        RoutingTable.builder(TableVersion.of(version, "v" + version))
            .prefix("4917", RouteTarget.relay(variant % 2 == 0 ? A : B))
            .prefix("4916", RouteTarget.relay(B))
            .defaultRoute(RouteTarget.relay(A))
            .build();
    KeyRing ring =
        KeyRing.builder()
            .add(RoutingSigner.fromSeed("rs-a.1", A, seed(1)).trustedKey(FROM, UNTIL))
            .add(RoutingSigner.fromSeed("rs-b.1", B, seed(2)).trustedKey(FROM, UNTIL))
            .build();
    return RoutingData.of(table, ring, MessageIdSecrets.of(seed(100 + variant), seed(9)));
  }

  static byte[] seed(int b) {
    byte[] s = new byte[32];
    Arrays.fill(s, (byte) b);
    return s;
  }
}
