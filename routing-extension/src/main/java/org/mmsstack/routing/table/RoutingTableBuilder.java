package org.mmsstack.routing.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mmsstack.routing.Provisional;
import org.mmsstack.routing.RejectReason;
import org.mmsstack.routing.RouteTarget;
import org.mmsstack.routing.table.internal.DigitKeys;
import org.mmsstack.routing.table.internal.DomainNames;
import org.mmsstack.routing.table.internal.DomainTable;
import org.mmsstack.routing.table.internal.KeyTargetTable;

/**
 * Collects routing entries and builds an immutable {@link RoutingTable}; made by
 * {@link RoutingTable#builder(TableVersion)}. Not thread-safe: one thread fills it (the targets
 * it is given are immutable and shared with the tables it builds). It can build several tables,
 * each {@link #build()} seeing the entries added so far.
 *
 * <pre>{@code
 * RoutingTable table = RoutingTable.builder(TableVersion.of(7, "2026-11-25"))
 *     .prefix("4917", RouteTarget.relay("rs-north"))
 *     .prefix("49171", RouteTarget.relay("rs-south"))
 *     .override("4917112345678", RouteTarget.relay("rs-east"))
 *     .domain("mms.mnc002.mcc262.gprs", RouteTarget.foreignMmse("mms.mnc002.mcc262.gprs"))
 *     .defaultRoute(RouteTarget.reject(RejectReason.UNKNOWN_RECIPIENT))
 *     .build();
 * }</pre>
 */
@Provisional
public final class RoutingTableBuilder {

  /** Entry kinds, for duplicate reports. */
  enum Kind {
    PREFIX,
    OVERRIDE,
    DOMAIN
  }

  /** Receives duplicate keys found by {@link #build(DuplicateListener)}. */
  interface DuplicateListener {
    void duplicate(Kind kind, int firstEntry, int duplicateEntry);
  }

  private TableVersion version;
  private final Map<RouteTarget, Integer> targetIndex = new HashMap<>();
  private final List<RouteTarget> targets = new ArrayList<>();
  private long[] prefixEntries = new long[16];
  private int prefixCount;
  private long[] overrideEntries = new long[16];
  private int overrideCount;
  private String[] domainKeys = new String[16];
  private int[] domainTargets = new int[16];
  private int domainCount;
  private RouteTarget defaultRoute;

  RoutingTableBuilder() {
    intern(RouteTarget.reject(RejectReason.INVALID_ADDRESS));
  }

  /** Sets the version. */
  public RoutingTableBuilder version(TableVersion version) {
    this.version = Objects.requireNonNull(version, "version");
    return this;
  }

  /**
   * Adds a number-range prefix: numbers starting with {@code digits} go to {@code target}
   * unless a longer prefix or an override matches.
   *
   * @param digits 1 to 15 digits, optionally after a {@code '+'}
   * @throws IllegalArgumentException naming the parameter if {@code digits} is not that, or the table would have
   *     more than 16383 distinct targets (see {@link RoutingTable})
   */
  public RoutingTableBuilder prefix(String digits, RouteTarget target) {
    addPrefix(keyOf(digits, "prefix"), intern(target));
    return this;
  }

  /**
   * Adds a per-number override: exactly this number goes to {@code target}, whatever its
   * prefixes say.
   *
   * @param number 1 to 15 digits, optionally after a {@code '+'}
   * @throws IllegalArgumentException if {@code number} is not that, or the table would have
   *     more than 16383 distinct targets (see {@link RoutingTable})
   */
  public RoutingTableBuilder override(String number, RouteTarget target) {
    addOverride(keyOf(number, "override number"), intern(target));
    return this;
  }

  /**
   * Adds a domain suffix route: {@code suffix} and every name ending in {@code "." + suffix}
   * go to {@code target} unless a longer suffix matches. Case-insensitive.
   *
   * @throws IllegalArgumentException if {@code suffix} is not a valid domain name, or the
   *     table would have more than 16383 distinct targets (see {@link RoutingTable})
   */
  public RoutingTableBuilder domain(String suffix, RouteTarget target) {
    int bad = DomainNames.firstError(suffix);
    if (bad >= 0) {
      throw new IllegalArgumentException(
          "invalid domain suffix \"" + suffix + "\" at index " + bad);
    }
    addDomain(DomainNames.canonical(suffix), intern(target));
    return this;
  }

  /** Sets the default route ({@code null} for none: unmatched addresses get {@code reject no-route}). */
  public RoutingTableBuilder defaultRoute(RouteTarget target) {
    this.defaultRoute = target;
    return this;
  }

  private static long keyOf(String digits, String what) {
    long key = DigitKeys.ofChars(digits, 0, digits.length());
    if (key == DigitKeys.INVALID) {
      throw new IllegalArgumentException(
          "invalid " + what + " \"" + digits + "\" (expected 1-15 digits, optionally after '+')");
    }
    return key;
  }

  /** Index of {@code target}, adding it if new; -1 if the target limit is reached. */
  int tryIntern(RouteTarget target) {
    Integer i = targetIndex.get(Objects.requireNonNull(target, "target"));
    if (i != null) {
      return i;
    }
    // One index stays free for the no-route rejection build() may add.
    if (targets.size() >= KeyTargetTable.MAX_TARGETS - 1) {
      return -1;
    }
    int index = targets.size();
    targets.add(target);
    targetIndex.put(target, index);
    return index;
  }

  private int intern(RouteTarget target) {
    int i = tryIntern(target);
    if (i < 0) {
      throw new IllegalArgumentException(
          "more than " + (KeyTargetTable.MAX_TARGETS - 1) + " distinct targets in one table");
    }
    return i;
  }

  void addPrefix(long key, int target) {
    if (prefixCount == prefixEntries.length) {
      prefixEntries = Arrays.copyOf(prefixEntries, grow(prefixCount));
    }
    prefixEntries[prefixCount++] = KeyTargetTable.pack(key, target);
  }

  void addOverride(long key, int target) {
    if (overrideCount == overrideEntries.length) {
      overrideEntries = Arrays.copyOf(overrideEntries, grow(overrideCount));
    }
    overrideEntries[overrideCount++] = KeyTargetTable.pack(key, target);
  }

  void addDomain(String lowerCaseSuffix, int target) {
    if (domainCount == domainKeys.length) {
      domainKeys = Arrays.copyOf(domainKeys, grow(domainCount));
      domainTargets = Arrays.copyOf(domainTargets, domainKeys.length);
    }
    domainKeys[domainCount] = lowerCaseSuffix;
    domainTargets[domainCount++] = target;
  }

  private static int grow(int n) {
    return n + (n >> 1) + 16;
  }

  RouteTarget targetAt(int index) {
    return targets.get(index);
  }

  int prefixCount() {
    return prefixCount;
  }

  int overrideCount() {
    return overrideCount;
  }

  int domainCount() {
    return domainCount;
  }

  String describeEntry(Kind kind, int entry) {
    switch (kind) {
      case PREFIX:
        return "prefix "
            + DigitKeys.toDigits(KeyTargetTable.keyOf(prefixEntries[entry]))
            + " "
            + targets.get(KeyTargetTable.targetOf(prefixEntries[entry]));
      case OVERRIDE:
        return "number "
            + DigitKeys.toDigits(KeyTargetTable.keyOf(overrideEntries[entry]))
            + " "
            + targets.get(KeyTargetTable.targetOf(overrideEntries[entry]));
      default:
        return "domain " + domainKeys[entry] + " " + targets.get(domainTargets[entry]);
    }
  }

  /**
   * Builds the table.
   *
   * @throws IllegalStateException if no version was set
   * @throws IllegalArgumentException if a prefix, override or domain suffix was added twice
   *     (with the same or a different target); the message names the first such key
   */
  public RoutingTable build() {
    // Only the first duplicate is described; the others are counted.
    String[] first = {null};
    int[] count = {0};
    RoutingTable table =
        build(
            (kind, firstEntry, duplicate) -> {
              if (count[0]++ == 0) {
                first[0] =
                    describeEntry(kind, duplicate)
                        + " duplicates "
                        + describeEntry(kind, firstEntry);
              }
            });
    if (count[0] > 0) {
      throw new IllegalArgumentException(
          first[0] + (count[0] > 1 ? " (and " + (count[0] - 1) + " more duplicates)" : ""));
    }
    return table;
  }

  RoutingTable build(DuplicateListener listener) {
    if (version == null) {
      throw new IllegalStateException("no version set");
    }
    KeyTargetTable prefixTable =
        KeyTargetTable.build(
            prefixEntries,
            prefixCount,
            (first, dup) -> listener.duplicate(Kind.PREFIX, first, dup));
    KeyTargetTable overrideTable =
        KeyTargetTable.build(
            overrideEntries,
            overrideCount,
            (first, dup) -> listener.duplicate(Kind.OVERRIDE, first, dup));
    int[] lengths = {0};
    prefixTable.forEach((key, t) -> lengths[0] |= 1 << DigitKeys.length(key));
    Map<String, Integer> seen = new HashMap<>();
    String[] keys = new String[domainCount];
    int[] values = new int[domainCount];
    int n = 0;
    for (int e = 0; e < domainCount; e++) {
      Integer first = seen.putIfAbsent(domainKeys[e], e);
      if (first != null) {
        listener.duplicate(Kind.DOMAIN, first, e);
      } else {
        keys[n] = domainKeys[e];
        values[n++] = domainTargets[e];
      }
    }
    DomainTable domainTable = new DomainTable(keys, values, n);
    // The target array is rebuilt from scratch so that its order is deterministic and the
    // builder stays usable; indices are unchanged.
    List<RouteTarget> all = new ArrayList<>(targets);
    RouteTarget fallback =
        defaultRoute != null ? defaultRoute : RouteTarget.reject(RejectReason.NO_ROUTE);
    Integer defaultIdx = targetIndex.get(fallback);
    if (defaultIdx == null) {
      defaultIdx = all.size();
      all.add(fallback);
    }
    return new RoutingTable(
        version,
        all.toArray(new RouteTarget[0]),
        defaultIdx,
        defaultRoute != null,
        overrideTable,
        prefixTable,
        lengths[0],
        domainTable);
  }
}
