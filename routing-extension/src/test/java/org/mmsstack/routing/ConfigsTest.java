package org.mmsstack.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.mmsstack.routing.data.RoutingDataSourceConfig;

/** The routing configurations are values: equal settings are equal, whichever way made. */
class ConfigsTest {

  @Test
  void routingDataConfig() {
    assertEquals(RoutingDataConfig.DEFAULT, RoutingDataConfig.builder().build());
    assertEquals(
        RoutingDataConfig.DEFAULT.hashCode(), RoutingDataConfig.builder().build().hashCode());
    List<UnaryOperator<RoutingDataConfig.Builder>> changes =
        List.of(
            b -> b.maxLineLength(100),
            b -> b.maxEntries(7),
            b -> b.maxKeys(7),
            b -> b.maxFileSize(1000),
            b -> b.maxFindings(3));
    for (UnaryOperator<RoutingDataConfig.Builder> change : changes) {
      RoutingDataConfig changed = change.apply(RoutingDataConfig.builder()).build();
      assertNotEquals(RoutingDataConfig.DEFAULT, changed, changed.toString());
      assertEquals(changed, change.apply(RoutingDataConfig.builder()).build());
      assertEquals(changed, changed.toBuilder().build());
    }
  }

  @Test
  void routingDataSourceConfig() {
    assertEquals(RoutingDataSourceConfig.DEFAULT, RoutingDataSourceConfig.builder().build());
    assertEquals(
        RoutingDataSourceConfig.DEFAULT.hashCode(),
        RoutingDataSourceConfig.builder().build().hashCode());
    List<UnaryOperator<RoutingDataSourceConfig.Builder>> changes =
        List.of(
            b -> b.recheckInterval(Duration.ofSeconds(7)),
            b -> b.keepPrevious(!RoutingDataSourceConfig.DEFAULT.keepPrevious()),
            b -> b.maxFindings(3),
            b -> b.dataConfig(RoutingDataConfig.builder().maxKeys(7).build()));
    for (UnaryOperator<RoutingDataSourceConfig.Builder> change : changes) {
      RoutingDataSourceConfig changed = change.apply(RoutingDataSourceConfig.builder()).build();
      assertNotEquals(RoutingDataSourceConfig.DEFAULT, changed, changed.toString());
      assertEquals(changed, change.apply(RoutingDataSourceConfig.builder()).build());
      assertEquals(changed, changed.toBuilder().build());
    }
  }
}
