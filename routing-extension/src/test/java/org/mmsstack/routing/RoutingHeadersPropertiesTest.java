package org.mmsstack.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.mmsstack.encapsulation.value.Address;

/** Property-based round trips of the field codec (seeded through jqwik's default reporting). */
class RoutingHeadersPropertiesTest {

  @Provide
  Arbitrary<RelayId> relays() {
    return Arbitraries.strings()
        .withChars("abcdefghijklmnopqrstuvwxyz0123456789-")
        .ofMinLength(1)
        .ofMaxLength(RelayId.MAX_LENGTH)
        .filter(s -> s.charAt(0) != '-')
        .map(RelayId::of);
  }

  @Provide
  Arbitrary<Recipient> recipients() {
    Arbitrary<Recipient> plmn =
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(15).map(Recipient::e164);
    Arbitrary<Recipient> mail =
        Combinators.combine(
                Arbitraries.strings()
                    .all()
                    .ofMinLength(1)
                    .ofMaxLength(20)
                    .filter(
                        s ->
                            s.indexOf('@') < 0
                                && !s.isBlank()
                                && s.indexOf('<') < 0
                                && s.indexOf('/') < 0),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12))
            .as(
                (l, d) ->
                    Recipient.normalise(Address.email(l.trim() + "@" + d + ".example"))
                        .orElse(null))
            .filter(r -> r != null);
    Arbitrary<Recipient> other =
        Arbitraries.strings()
            .ascii()
            .ofMinLength(1)
            .ofMaxLength(20)
            .map(s -> Recipient.normalise(Address.parse(s)).orElse(null))
            .filter(r -> r != null);
    return Arbitraries.oneOf(plmn, mail, other);
  }

  @Provide
  Arbitrary<RoutingFields> fields() {
    Arbitrary<Integer> hopLimit = Arbitraries.integers().between(1, RoutingFields.MAX_HOP_LIMIT);
    return Combinators.combine(
            relays(),
            relays(),
            relays(),
            hopLimit,
            relays().list().ofMinSize(1).ofMaxSize(32),
            Arbitraries.longs().between(0, 999_999_999_999_999_999L),
            recipients().list().ofMinSize(1).ofMaxSize(20),
            Arbitraries.longs().between(0, 253_402_300_799L))
        .as(
            (entry, home, charging, limit, path, table, rcpts, issued) ->
                RoutingFields.builder()
                    .entry(entry)
                    .home(home)
                    .charging(charging)
                    .hopLimit(limit)
                    .path(path.subList(0, Math.min(path.size(), limit)))
                    .tableVersion(table)
                    .recipients(rcpts)
                    .issuedAt(Instant.ofEpochSecond(issued))
                    .build());
  }

  @Property(tries = 300, seed = "20261125")
  void roundTrips(@ForAll("fields") RoutingFields f) throws Exception {
    List<HeaderPair> h = RoutingHeaders.write(f);
    assertEquals(f, RoutingHeaders.read(h).orElseThrow());
    for (HeaderPair p : h) {
      assertTrue(p.value().chars().allMatch(c -> c >= 0x21 && c <= 0x7E), p.toString());
    }
  }

  @Property(tries = 100, seed = "20261126")
  void signedRoundTripVerifies(@ForAll("fields") RoutingFields f) throws Exception {
    RoutingFields sendable = f.toBuilder().path(List.of(Fixtures.B)).build();
    RoutingSigner s = RoutingSigner.fromSeed("k1", Fixtures.B, Fixtures.seed(4));
    RoutingFields signed = s.sign(sendable, Fixtures.identity());
    RoutingFields back = RoutingHeaders.read(RoutingHeaders.write(signed)).orElseThrow();
    RoutingVerifier.of(
            KeyRing.of(List.of(s.trustedKey(Instant.EPOCH, Instant.MAX))),
            java.time.Duration.ofSeconds(Long.MAX_VALUE / 2),
            java.time.Duration.ofSeconds(Long.MAX_VALUE / 2))
        .verify(back, Fixtures.identity(), f.issuedAt());
  }

  @Property(tries = 500, seed = "20261127")
  void arbitraryValuesNeverThrowUnchecked(@ForAll("names") String name, @ForAll String value) {
    List<HeaderPair> h = new ArrayList<>(RoutingHeaders.write(Fixtures.fields()));
    h.removeIf(p -> p.hasName(name));
    h.add(new HeaderPair(name, value));
    try {
      RoutingHeaders.read(h);
    } catch (RoutingFieldException e) {
      assertTrue(e.header() != null && e.reason() != null);
    }
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.of(
        RoutingHeaders.VERSION,
        RoutingHeaders.ENTRY,
        RoutingHeaders.HOME,
        RoutingHeaders.PATH,
        RoutingHeaders.HOP_LIMIT,
        RoutingHeaders.TABLE_VERSION,
        RoutingHeaders.CHARGING,
        RoutingHeaders.RECIPIENT,
        RoutingHeaders.ISSUED,
        RoutingHeaders.SIGNATURE,
        "X-Mms-Routing-Other");
  }
}
