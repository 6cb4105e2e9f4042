package org.mmsstack.encapsulation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mmsstack.encapsulation.body.Body;

/**
 * Which header fields each PDU type carries, and how (OMA MMS Encapsulation 1.0-1.3, section 6,
 * as rebuilt from Android, Symbian, Mozilla, Sailfish and Mbuni). The rows for the 1.2/1.3 MMBox,
 * delete and cancel PDUs rest mainly on one implementation each, so they are the least certain.
 *
 * <p>A view of the header table: each {@link HeaderField} constant states how every PDU type
 * carries it, and these per-type rules are derived from there. Builders check mandatory headers
 * with them, the validator checks everything else, and a test checks the PDU classes' accessors
 * against them.
 *
 * <p>Thread-safe: the rules are immutable.
 */
public final class PduRules {

  /** How a field is required in a PDU type. */
  public enum Requirement {
    MANDATORY,
    OPTIONAL,
    CONDITIONAL
  }

  /**
   * One allowed field of a PDU type.
   *
   * @param field the field
   * @param requirement mandatory, optional or conditional
   * @param since the first version in which a PDU of this type carries the field, never {@code
   *     null}: the latest of the PDU type's own version ({@link MessageType#since()}), the field's
   *     ({@link HeaderField#since()}) and the version in which the specification added the field
   *     to this PDU type; equal to the PDU type's version when the field belongs to the type from
   *     the start
   * @param repeatable whether the field may occur more than once in this PDU type
   */
  public record Rule(
      HeaderField<?> field, Requirement requirement, MmsVersion since, boolean repeatable) {

    /** Checks that the parts are present. */
    public Rule {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(requirement, "requirement");
      Objects.requireNonNull(since, "since");
    }
  }

  private static final Map<MessageType, List<Rule>> RULES = new EnumMap<>(MessageType.class);

  // The same rules by PDU type and field code (0x00-0x7F), each in an Optional made once:
  // rule(type, field) runs per header in the validator, so it neither scans nor allocates.
  private static final List<List<Optional<Rule>>> BY_CODE = new ArrayList<>();

  private static final int CODES = 0x80;

  static {
    // Derived from the header table: each field lists, beside its code and grammar, how each
    // PDU type carries it. The order is the one every PDU's table in the specification begins
    // and ends with (type, transaction, version first; Content-Type, after which the body
    // follows, last), the other fields in code order.
    Map<MessageType, List<Rule>> rows = new EnumMap<>(MessageType.class);
    for (MessageType t : MessageType.values()) {
      rows.put(t, new ArrayList<>());
    }
    List<HeaderField<?>> fields = new ArrayList<>();
    fields.add(HeaderField.MESSAGE_TYPE);
    fields.add(HeaderField.TRANSACTION_ID);
    fields.add(HeaderField.MMS_VERSION);
    for (HeaderField<?> f : HeaderField.knownFields()) {
      if (!fields.contains(f) && f != HeaderField.CONTENT_TYPE) {
        fields.add(f);
      }
    }
    fields.add(HeaderField.CONTENT_TYPE);
    for (HeaderField<?> f : fields) {
      for (HeaderField.Use u : f.uses()) {
        MmsVersion since = latest(u.type().since(), f.since().orElse(null), u.since());
        rows.get(u.type()).add(new Rule(f, u.requirement(), since, u.isRepeatable()));
      }
    }
    rows.forEach((t, r) -> RULES.put(t, List.copyOf(r)));
    for (MessageType t : MessageType.values()) {
      List<Optional<Rule>> byCode = new ArrayList<>(CODES);
      for (int c = 0; c < CODES; c++) {
        byCode.add(Optional.empty());
      }
      for (Rule r : RULES.get(t)) {
        int c = r.field().code();
        if (c >= 0 && c < CODES && byCode.get(c).isEmpty()) {
          byCode.set(c, Optional.of(r));
        }
      }
      BY_CODE.add(List.copyOf(byCode));
    }
  }

  // The mandatory fields of each PDU type (by ordinal), in rule order, for the builders' check.
  private static final HeaderField<?>[][] MANDATORY =
      new HeaderField<?>[MessageType.values().length][];

  static {
    for (MessageType t : MessageType.values()) {
      MANDATORY[t.ordinal()] =
          RULES.get(t).stream()
              .filter(r -> r.requirement() == Requirement.MANDATORY)
              .map(Rule::field)
              .toArray(HeaderField<?>[]::new);
    }
  }

  private PduRules() {}

  /** The latest of the versions given; {@code null}s are skipped, the first is not null. */
  private static MmsVersion latest(MmsVersion first, MmsVersion... others) {
    MmsVersion v = first;
    for (MmsVersion o : others) {
      if (o != null && o.compareTo(v) > 0) {
        v = o;
      }
    }
    return v;
  }

  /**
   * The fields a PDU type carries: X-Mms-Message-Type, X-Mms-Transaction-Id and X-Mms-MMS-Version
   * first (in that order, as in every PDU of the specification), Content-Type last, the others
   * in code order.
   */
  public static List<Rule> rules(MessageType type) {
    return RULES.get(type);
  }

  /**
   * The rule for a field in a PDU type, or empty when the type does not carry it. Allocates
   * nothing: the Optionals are made once.
   */
  public static Optional<Rule> rule(MessageType type, HeaderField<?> field) {
    int c = field.code();
    return c >= 0 && c < CODES ? BY_CODE.get(type.ordinal()).get(c) : Optional.empty();
  }

  /**
   * Checks a new builder's headers: every mandatory field of the type present, and a body exactly
   * when there is a Content-Type. The headers are given as the set of their codes (bit c of
   * {@code low} for codes below 64, bit c - 64 of {@code high} for the rest), which the builder
   * collects in the pass that orders them; one look-up per mandatory field, no list unless
   * something is missing.
   */
  static void checkMandatory(MessageType type, long low, long high, Body body) {
    checkPresent(type, -1L, -1L, low, high); // every mandatory header is asked for
    if (has(low, high, HeaderField.CONTENT_TYPE.code()) != (body != null)) {
      throw new IllegalStateException(
          type.wireName() + ": a body and its Content-Type go together (see body(...))");
    }
  }

  /**
   * For a builder from {@code toBuilder()}: refuses to build when a mandatory header of {@code
   * type} that the PDU had ({@code lowBefore}, {@code highBefore}) is gone ({@code lowNow}, {@code
   * highNow}). One the PDU already lacked is not asked for: a leniently decoded PDU may lack any,
   * and it can still be edited and passed on.
   */
  static void checkKept(
      MessageType type, long lowBefore, long highBefore, long lowNow, long highNow) {
    checkPresent(type, lowBefore, highBefore, lowNow, highNow);
  }

  /** Names the mandatory headers of {@code type} among the codes asked for that are not there. */
  private static void checkPresent(
      MessageType type, long lowAsked, long highAsked, long low, long high) {
    List<String> missing = null;
    for (HeaderField<?> f : MANDATORY[type.ordinal()]) {
      if (has(lowAsked, highAsked, f.code()) && !has(low, high, f.code())) {
        if (missing == null) {
          missing = new ArrayList<>(2);
        }
        missing.add(f.name());
      }
    }
    if (missing != null) {
      throw new IllegalStateException(
          type.wireName() + " lacks mandatory header(s): " + String.join(", ", missing));
    }
  }

  private static boolean has(long low, long high, int code) {
    return code < 64 ? (low & (1L << code)) != 0 : (high & (1L << (code - 64))) != 0;
  }
}
