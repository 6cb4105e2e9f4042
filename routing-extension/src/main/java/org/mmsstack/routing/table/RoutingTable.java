package org.mmsstack.routing.table;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mmsstack.routing.Provisional;
import org.mmsstack.routing.RouteTarget;
import org.mmsstack.routing.table.internal.DigitKeys;
import org.mmsstack.routing.table.internal.DomainNames;
import org.mmsstack.routing.table.internal.DomainTable;
import org.mmsstack.routing.table.internal.KeyTargetTable;
import org.mmsstack.routing.table.internal.NumberFilter;

/**
 * One immutable, versioned set of routing data and the deterministic routing function over it.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li><b>Numbers</b> (E.164, 1 to 15 digits): an <i>override</i> for exactly that number wins;
 *       otherwise the longest <i>prefix</i> the number starts with; otherwise the default.</li>
 *   <li><b>Domains</b> (e-mail recipients, other MMSEs): the longest <i>domain suffix</i> that
 *       equals the name or ends it after a dot ({@code example.com} matches {@code example.com}
 *       and {@code mail.example.com}, never {@code evilexample.com}), compared ASCII
 *       case-insensitively; otherwise the default.</li>
 *   <li><b>Default</b>: the default route, or {@code reject no-route} if the table has none.</li>
 * </ul>
 *
 * <h2>Normalisation</h2>
 * A number is an optional leading {@code '+'} followed by 1 to 15 ASCII digits, nothing else: no
 * spaces, separators or {@code /TYPE=PLMN} suffix (use {@link #lookupAddress} for full MMS
 * addresses). A domain is dot-separated labels of letters, digits, {@code '-'} and {@code '_'},
 * each 1 to 63 characters, at most 253 characters, optionally followed by one dot. Anything else
 * gives {@code reject invalid-address}: malformed input is a result, never an exception.
 *
 * <h2>Cost</h2>
 * Lookups allocate nothing and return one of the table's interned {@link #targets()}. A number
 * lookup asks a Bloom filter (one cache line for the override and every prefix of six or more
 * digits) and probes the override hash table, then the prefix hash table once per distinct
 * prefix length (longest first, stopping at the first hit), only where the filter says the key
 * may be; both hash tables are flat {@code long[]} arrays at 10 bytes per entry, the filter adds
 * 1 to 2. Instances are safe to share between any number of threads.
 *
 * <h2>Limits</h2>
 * A table has at most 16383 distinct targets: a hash table slot keeps a 14-bit target index
 * beside its 50-bit number key, and one of the 16384 indices stays free for the
 * {@code reject no-route} a table without a default route needs.
 */
@Provisional
public final class RoutingTable {

  // Result packing of the internal lookups: target index (14 bits) | matched length | rule.
  private static final int TARGET_MASK = KeyTargetTable.MAX_TARGETS - 1;
  private static final int LENGTH_SHIFT = KeyTargetTable.TARGET_BITS;
  private static final int RULE_SHIFT = LENGTH_SHIFT + 4;
  private static final int RULE_OVERRIDE = 1 << RULE_SHIFT;
  private static final int RULE_PREFIX = 2 << RULE_SHIFT;
  private static final int RULE_DEFAULT = 3 << RULE_SHIFT;

  /** Target index 0 of every table is {@code reject invalid-address}. */
  static final int INVALID_INDEX = 0;

  private static final String TYPE_PLMN = "/TYPE=PLMN";

  private final TableVersion version;
  private final RouteTarget[] targets;
  private final List<RouteTarget> targetList;
  private final int defaultIndex;
  private final boolean hasDefault;
  private final KeyTargetTable overrides;
  private final KeyTargetTable prefixes;
  private final NumberFilter numberFilter;

  /** Bit n set if some prefix has n digits. */
  private final int prefixLengths;

  private final DomainTable domains;

  RoutingTable(
      TableVersion version,
      RouteTarget[] targets,
      int defaultIndex,
      boolean hasDefault,
      KeyTargetTable overrides,
      KeyTargetTable prefixes,
      int prefixLengths,
      DomainTable domains) {
    this.version = version;
    this.targets = targets;
    this.targetList = Collections.unmodifiableList(Arrays.asList(targets));
    this.defaultIndex = defaultIndex;
    this.hasDefault = hasDefault;
    this.overrides = overrides;
    this.prefixes = prefixes;
    this.numberFilter = NumberFilter.build(overrides, prefixes);
    this.prefixLengths = prefixLengths;
    this.domains = domains;
  }

  /** A builder for a table with the given version. */
  public static RoutingTableBuilder builder(TableVersion version) {
    return new RoutingTableBuilder().version(version);
  }

  /** The table's version. */
  public TableVersion version() {
    return version;
  }

  // ------------------------------------------------------------------ lookups (hot path)

  /**
   * Routes an E.164 number given as characters: optional {@code '+'}, then 1 to 15 digits.
   *
   * @return the target; {@code reject invalid-address} for anything else
   */
  public RouteTarget lookupNumber(CharSequence number) {
    return targets[numberResult(number, 0, number.length()) & TARGET_MASK];
  }

  /**
   * Routes an E.164 number given as ASCII bytes {@code ascii[offset, offset + length)}: optional
   * {@code '+'}, then 1 to 15 digits.
   *
   * @return the target; {@code reject invalid-address} for anything else
   * @throws IndexOutOfBoundsException if the range is outside the array
   */
  public RouteTarget lookupNumber(byte[] ascii, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, ascii.length);
    long value = DigitKeys.valueOfBytes(ascii, offset, offset + length);
    if (value == DigitKeys.INVALID) {
      return targets[INVALID_INDEX];
    }
    int count = ascii[offset] == '+' ? length - 1 : length;
    return targets[numberResult(value, count) & TARGET_MASK];
  }

  /**
   * Routes an E.164 number given as its value and digit count, the form that needs no parsing:
   * {@code lookupNumber(4915112345678L, 13)} routes {@code +4915112345678}. Leading zeros count
   * towards {@code digitCount}.
   *
   * @return the target; {@code reject invalid-address} if {@code digitCount} is outside 1..15
   *     or {@code digits} is negative or has more than {@code digitCount} digits
   */
  public RouteTarget lookupNumber(long digits, int digitCount) {
    if (!DigitKeys.isValid(digits, digitCount)) {
      return targets[INVALID_INDEX];
    }
    return targets[numberResult(digits, digitCount) & TARGET_MASK];
  }

  /**
   * Routes many numbers at once: {@code out[outOffset + i]} receives
   * {@code lookupNumber(values[offset + i], digitCounts[offset + i])} for each {@code i} below
   * {@code count}, with the array bounds checked once.
   *
   * <p>This is the fast way to route many recipients (a queue of messages, a fan-out). A table
   * of a million entries is far larger than the processor caches, so a single lookup waits for
   * two memory reads one after the other: its filter word, then the slot the filter lets it
   * probe. Here the numbers go through in stages of up to {@value #STAGE}: every number's
   * filter block is read, then what each lookup will probe is worked out from the filter, then
   * every slot so found is read, and last each lookup is finished from the cache. The reads of a
   * stage do not depend on each other and its loop does not branch on what they return, so the
   * processor keeps many of them in flight at once. Allocates one scratch array per call.
   *
   * @throws IndexOutOfBoundsException if a range is outside its array
   */
  public void lookupNumbers(
      long[] values, int[] digitCounts, int offset, int count, RouteTarget[] out, int outOffset) {
    Objects.checkFromIndexSize(offset, count, values.length);
    Objects.checkFromIndexSize(offset, count, digitCounts.length);
    Objects.checkFromIndexSize(outOffset, count, out.length);
    int[] found = new int[Math.min(count, STAGE)];
    long touched = 0;
    for (int from = 0; from < count; from += STAGE) {
      int to = Math.min(count, from + STAGE);
      // 1. The filter block of each number's group (its override and its prefixes of
      //    GROUP_DIGITS or more digits share the block).
      for (int i = from; i < to; i++) {
        long v = values[offset + i];
        int n = digitCounts[offset + i];
        if (DigitKeys.isValid(v, n)) {
          touched ^= numberFilter.touchBlock(filterBlock(v, n));
        }
      }
      // 2. What each lookup will probe, from the filter blocks now in the cache.
      for (int i = from; i < to; i++) {
        long v = values[offset + i];
        int n = digitCounts[offset + i];
        found[i - from] = DigitKeys.isValid(v, n) ? candidates(v, n) : 0;
      }
      // 3. The override's home slot and the longest candidate prefix's, where there are such.
      for (int i = from; i < to; i++) {
        long v = values[offset + i];
        int n = digitCounts[offset + i];
        int c = found[i - from];
        int length = c == MAY_BE_OVERRIDE ? 0 : c;
        touched ^= overrides.slotAt(c == MAY_BE_OVERRIDE ? DigitKeys.key(v, n) : 0);
        touched ^= prefixes.slotAt(length != 0 ? prefixKey(v, n, length) : 0);
      }
      // 4. The lookups, from the cache.
      for (int i = from; i < to; i++) {
        long v = values[offset + i];
        int n = digitCounts[offset + i];
        out[outOffset + i] =
            DigitKeys.isValid(v, n)
                ? targets[numberResult(v, n, found[i - from]) & TARGET_MASK]
                : targets[INVALID_INDEX];
      }
    }
    if (touched == TOUCH_SENTINEL) {
      // Never in practice (one chance in 2^64). The staged reads feed this branch, so the
      // compiler must keep them; what it does gives the same results the stages gave (single
      // lookups again), so nothing outside this call is written and no state is shared.
      for (int i = 0; i < count; i++) {
        out[outOffset + i] = lookupNumber(values[offset + i], digitCounts[offset + i]);
      }
    }
  }

  /** Numbers per stage of {@link #lookupNumbers}: about as many reads as a core keeps in flight. */
  private static final int STAGE = 32;

  /** An arbitrary constant the XOR of the staged reads is compared with. */
  private static final long TOUCH_SENTINEL = 0x2545F4914F6CDD1DL;

  // What a number's lookup will probe first (candidates): MAY_BE_OVERRIDE, or the longest prefix
  // length the filter lets through (0 for none).
  private static final int MAY_BE_OVERRIDE = 1 << 8;

  /**
   * Routes a domain name (the part of an e-mail address after {@code '@'}, or an MMSE's domain).
   *
   * @return the target; {@code reject invalid-address} for a malformed name
   */
  public RouteTarget lookupDomain(CharSequence domain) {
    return targets[domainResult(domain, 0, domain.length()) & TARGET_MASK];
  }

  /**
   * Routes an MMS recipient address as it appears in To/Cc/Bcc: {@code +4915112345678/TYPE=PLMN}
   * (the suffix is matched case-insensitively), a bare number, {@code user@domain} (routed by
   * the domain after the last {@code '@'}), or a bare domain. A value of only an optional
   * {@code '+'} and digits is a number; anything else without {@code '@'} is a domain. IPv4,
   * IPv6 and other {@code /TYPE=} addresses give {@code reject invalid-address}.
   */
  public RouteTarget lookupAddress(CharSequence address) {
    return targets[addressResult(address) & TARGET_MASK];
  }

  /**
   * Like {@link #lookupAddress} but also says which rule decided and on which key. Allocates;
   * meant for diagnostics and tests.
   */
  public RouteMatch explain(CharSequence address) {
    int n = address.length();
    int at = lastIndexOf(address, '@');
    int result = addressResult(address);
    RouteTarget target = targets[result & TARGET_MASK];
    if (at >= 0 || !isNumberForm(address, 0, plmnEnd(address))) {
      int from = at + 1;
      long m = domains.longestSuffix(address, from, n);
      if (m == DomainTable.INVALID) {
        return new RouteMatch(RouteMatch.Rule.INVALID, "", target);
      }
      if (m == DomainTable.NO_MATCH) {
        return new RouteMatch(RouteMatch.Rule.DEFAULT, "", target);
      }
      int start = (int) (m >>> 32);
      int stop = address.charAt(n - 1) == '.' ? n - 1 : n;
      return new RouteMatch(
          RouteMatch.Rule.DOMAIN, DomainNames.canonical(address.subSequence(start, stop)), target);
    }
    int rule = result & (7 << RULE_SHIFT);
    int length = (result >>> LENGTH_SHIFT) & 0xF;
    if (rule == RULE_OVERRIDE || rule == RULE_PREFIX) {
      int end = plmnEnd(address);
      int start = address.charAt(0) == '+' ? 1 : 0;
      String digits = address.subSequence(start, end).toString();
      return new RouteMatch(
          rule == RULE_OVERRIDE ? RouteMatch.Rule.OVERRIDE : RouteMatch.Rule.PREFIX,
          digits.substring(0, length),
          target);
    }
    return new RouteMatch(
        rule == RULE_DEFAULT ? RouteMatch.Rule.DEFAULT : RouteMatch.Rule.INVALID, "", target);
  }

  private int addressResult(CharSequence address) {
    int n = address.length();
    int at = lastIndexOf(address, '@');
    if (at >= 0) {
      return domainResult(address, at + 1, n);
    }
    int end = plmnEnd(address);
    if (isNumberForm(address, 0, end)) {
      return numberResult(address, 0, end);
    }
    // Anything else is a domain. A '/' (an IPv4, IPv6 or other /TYPE= address, or a
    // /TYPE=PLMN suffix on something that is not a number) is not a domain character, so
    // domainResult gives invalid-address for it.
    return domainResult(address, 0, n);
  }

  /** End of the address without a {@code /TYPE=PLMN} suffix. */
  private static int plmnEnd(CharSequence s) {
    int n = s.length();
    int start = n - TYPE_PLMN.length();
    if (start < 0) {
      return n;
    }
    for (int i = 0; i < TYPE_PLMN.length(); i++) {
      char c = s.charAt(start + i);
      char e = TYPE_PLMN.charAt(i);
      if (c != e && !(e >= 'A' && e <= 'Z' && c == e + ('a' - 'A'))) {
        return n;
      }
    }
    return start;
  }

  private static boolean isNumberForm(CharSequence s, int start, int end) {
    int i = start < end && s.charAt(start) == '+' ? start + 1 : start;
    if (i == end) {
      return false;
    }
    for (; i < end; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int lastIndexOf(CharSequence s, char c) {
    for (int i = s.length() - 1; i >= 0; i--) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  private int numberResult(CharSequence number, int start, int end) {
    long value = DigitKeys.valueOfChars(number, start, end);
    if (value == DigitKeys.INVALID) {
      return INVALID_INDEX;
    }
    int count = number.charAt(start) == '+' ? end - start - 1 : end - start;
    return numberResult(value, count);
  }

  /**
   * The routing function for numbers: override, then longest prefix, then default. {@code value}
   * and {@code count} are valid.
   */
  private int numberResult(long value, int count) {
    long key = DigitKeys.key(value, count);
    int block = filterBlock(value, count);
    if (numberFilter.mayContainInBlock(block, key, NumberFilter.OVERRIDE)) {
      int t = overrides.get(key);
      if (t >= 0) {
        return t | count << LENGTH_SHIFT | RULE_OVERRIDE;
      }
    }
    return prefixResult(value, count, block, prefixLengths & ((2 << count) - 1));
  }

  /**
   * The longest prefix among {@code lengths} (a bit per digit count), else the default. Only
   * lengths that some prefix has are probed, longest first, and only where the filter says the
   * prefix may be. Prefixes of at least GROUP_DIGITS digits share the number's group, so their
   * filter reads hit the block (of the number's group: {@code block}) the override check read.
   */
  private int prefixResult(long value, int count, int block, int lengths) {
    while (lengths != 0) {
      int length = 31 - Integer.numberOfLeadingZeros(lengths);
      long prefix = prefixKey(value, count, length);
      if (mayBePrefix(block, prefix, length)) {
        int t = prefixes.get(prefix);
        if (t >= 0) {
          return t | length << LENGTH_SHIFT | RULE_PREFIX;
        }
      }
      lengths &= ~(1 << length);
    }
    return defaultIndex | RULE_DEFAULT;
  }

  private boolean mayBePrefix(int block, long prefix, int length) {
    return length >= NumberFilter.GROUP_DIGITS
        ? numberFilter.mayContainInBlock(block, prefix, NumberFilter.PREFIX)
        : numberFilter.mayContain(prefix, prefix, NumberFilter.PREFIX);
  }

  /** The filter block of the number's group. */
  private int filterBlock(long value, int count) {
    return numberFilter.blockOf(NumberFilter.group(value, count));
  }

  /**
   * What a lookup of the number will probe first, from the filter alone: {@link #MAY_BE_OVERRIDE}
   * when the number may be an override (then nearly always is), else the longest prefix length
   * the filter lets through (0 if none).
   */
  private int candidates(long value, int count) {
    int block = filterBlock(value, count);
    if (numberFilter.mayContainInBlock(block, DigitKeys.key(value, count), NumberFilter.OVERRIDE)) {
      return MAY_BE_OVERRIDE;
    }
    for (int lengths = prefixLengths & ((2 << count) - 1); lengths != 0; ) {
      int length = 31 - Integer.numberOfLeadingZeros(lengths);
      if (mayBePrefix(block, prefixKey(value, count, length), length)) {
        return length;
      }
      lengths &= ~(1 << length);
    }
    return 0;
  }

  /** {@link #numberResult} for a number whose {@link #candidates} are known (and cached). */
  private int numberResult(long value, int count, int candidates) {
    if (candidates == MAY_BE_OVERRIDE) {
      int t = overrides.get(DigitKeys.key(value, count));
      if (t >= 0) {
        return t | count << LENGTH_SHIFT | RULE_OVERRIDE;
      }
      // A false "maybe": the prefixes, as a single lookup goes on to them.
      return prefixResult(
          value, count, filterBlock(value, count), prefixLengths & ((2 << count) - 1));
    }
    int length = candidates;
    if (length == 0) {
      return defaultIndex | RULE_DEFAULT;
    }
    int t = prefixes.get(prefixKey(value, count, length));
    if (t >= 0) {
      return t | length << LENGTH_SHIFT | RULE_PREFIX;
    }
    // A false "maybe": the shorter lengths, as a single lookup goes on to them.
    return prefixResult(
        value, count, filterBlock(value, count), prefixLengths & ((1 << length) - 1));
  }

  /** The key of the first {@code length} digits of a number of {@code count} digits. */
  private static long prefixKey(long value, int count, int length) {
    return DigitKeys.key(DigitKeys.dropDigits(value, count - length), length);
  }

  private int domainResult(CharSequence name, int start, int end) {
    long m = domains.longestSuffix(name, start, end);
    if (m >= 0) {
      return (int) m & TARGET_MASK;
    }
    return m == DomainTable.NO_MATCH ? defaultIndex | RULE_DEFAULT : INVALID_INDEX;
  }

  // ------------------------------------------------------------------ inspection

  /** The default route, if the table has one. */
  public Optional<RouteTarget> defaultRoute() {
    return hasDefault ? Optional.of(targets[defaultIndex]) : Optional.empty();
  }

  /**
   * Every distinct target of the table, each once; lookups return these instances. Always
   * contains {@code reject invalid-address}, and {@code reject no-route} when there is no
   * default.
   */
  public List<RouteTarget> targets() {
    return targetList;
  }

  /** Number of number-range prefixes. */
  public int prefixCount() {
    return prefixes.size();
  }

  /** Number of per-number overrides. */
  public int overrideCount() {
    return overrides.size();
  }

  /** Number of domain suffix routes. */
  public int domainCount() {
    return domains.size();
  }

  /**
   * The bytes this table's arrays occupy, computed from their lengths (not measured): a guide to
   * the memory a table needs, about 11 bytes per prefix or override.
   */
  public long estimatedSizeInBytes() {
    return 64
        + 16L * targets.length
        + overrides.sizeInBytes()
        + prefixes.sizeInBytes()
        + numberFilter.sizeInBytes()
        + domains.sizeInBytes();
  }

  KeyTargetTable prefixTable() {
    return prefixes;
  }

  KeyTargetTable overrideTable() {
    return overrides;
  }

  DomainTable domainTable() {
    return domains;
  }

  RouteTarget target(int index) {
    return targets[index];
  }

  /**
   * Two tables are equal when they have the same version (number and label), default route and
   * entries (prefixes, overrides and domain suffixes with equal targets). Costs a pass over both.
   */
  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof RoutingTable other)) {
      return false;
    }
    if (!version.equals(other.version)
        || !defaultRoute().equals(other.defaultRoute())
        || prefixCount() != other.prefixCount()
        || overrideCount() != other.overrideCount()
        || domainCount() != other.domainCount()) {
      return false;
    }
    boolean[] same = {true};
    prefixes.forEach(
        (key, t) -> {
          int o2 = other.prefixes.get(key);
          same[0] &= o2 >= 0 && other.targets[o2].equals(targets[t]);
        });
    overrides.forEach(
        (key, t) -> {
          int o2 = other.overrides.get(key);
          same[0] &= o2 >= 0 && other.targets[o2].equals(targets[t]);
        });
    domains.forEach(
        (suffix, t) -> {
          long m = other.domains.longestSuffix(suffix, 0, suffix.length());
          same[0] &=
              m >= 0 && (m >>> 32) == 0 && other.targets[(int) m & TARGET_MASK].equals(targets[t]);
        });
    return same[0];
  }

  @Override
  public int hashCode() {
    return Objects.hash(version, defaultRoute(), prefixCount(), overrideCount(), domainCount());
  }

  @Override
  public String toString() {
    return "RoutingTable[version "
        + version
        + ", "
        + prefixCount()
        + " prefixes, "
        + overrideCount()
        + " overrides, "
        + domainCount()
        + " domains, default "
        + defaultRoute().map(Object::toString).orElse("none")
        + "]";
  }
}
