package org.mmsstack.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.mmsstack.routing.RoutingFieldException.Reason;

class SignatureTest {

  private static final Instant NOW = Fixtures.T0.plusSeconds(10);
  private static final Instant FROM = Fixtures.T0.minus(Duration.ofDays(30));
  private static final Instant UNTIL = Fixtures.T0.plus(Duration.ofDays(30));

  private final RoutingSigner signer =
      RoutingSigner.fromSeed("rs-b.1", Fixtures.B, Fixtures.seed(1));
  private final KeyRing ring = KeyRing.of(List.of(signer.trustedKey(FROM, UNTIL)));
  private final RoutingVerifier verifier = RoutingVerifier.of(ring);

  @Test
  void signsAndVerifies() throws Exception {
    RoutingFields f = signer.sign(Fixtures.fields(), Fixtures.identity());
    assertEquals("rs-b.1", f.signature().orElseThrow().keyId());
    assertEquals("rs-b.1", verifier.verify(f, Fixtures.identity(), NOW).keyId());
    // Survives the header round trip.
    RoutingFields back = RoutingHeaders.read(RoutingHeaders.write(f)).orElseThrow();
    verifier.verify(back, Fixtures.identity(), NOW);
    // Deterministic (Ed25519): same input, same signature.
    assertEquals(f, signer.sign(Fixtures.fields(), Fixtures.identity()));
  }

  private void assertTamperDetected(String what, UnaryOperator<RoutingFields.Builder> change) {
    RoutingFields f = signer.sign(Fixtures.fields(), Fixtures.identity());
    // The old signature kept on changed fields: what a forger sends (a builder drops it).
    RoutingFields t = change.apply(f.toBuilder()).signature(f.signature().orElseThrow()).build();
    assertNotEquals(f.unsigned(), t.unsigned(), what);
    RoutingFieldException e =
        assertThrows(
            RoutingFieldException.class, () -> verifier.verify(t, Fixtures.identity(), NOW), what);
    assertEquals(Reason.BAD_SIGNATURE, e.reason(), what);
  }

  @Test
  void detectsTamperingWithEveryRoutingField() {
    assertTamperDetected("entry", b -> b.entry(Fixtures.C));
    assertTamperDetected("home", b -> b.home(Fixtures.A));
    assertTamperDetected("path", b -> b.path(List.of(Fixtures.C, Fixtures.B)));
    assertTamperDetected("path shortened", b -> b.path(List.of(Fixtures.B)));
    assertTamperDetected("hop limit", b -> b.hopLimit(9));
    assertTamperDetected("table version", b -> b.tableVersion(43));
    assertTamperDetected("charging", b -> b.charging(Fixtures.C));
    assertTamperDetected("recipient added", b -> b.addRecipient(Recipient.e164("491700000000")));
    assertTamperDetected(
        "recipient dropped", b -> b.recipients(List.of(Recipient.e164("491711234567"))));
    assertTamperDetected(
        "recipients reordered",
        b -> b.recipients(List.of(Recipient.e164("491729876543"), Recipient.e164("491711234567"))));
    assertTamperDetected("issued", b -> b.issuedAt(Fixtures.T0.plusSeconds(1)));
  }

  @Test
  void aChangedFieldDropsTheSignatureThatNoLongerCoversIt() {
    RoutingFields f = signer.sign(Fixtures.fields(), Fixtures.identity());
    assertEquals(f, f.toBuilder().build(), "nothing changed, signature kept");
    assertTrue(f.toBuilder().appendPath(Fixtures.C).build().signature().isEmpty());
    assertTrue(f.toBuilder().hopLimit(9).build().signature().isEmpty());
    assertTrue(
        f.toBuilder().addRecipient(Recipient.e164("491700000000")).build().signature().isEmpty());
    RoutingSignature sig = f.signature().orElseThrow();
    assertEquals(Optional.of(sig), f.toBuilder().hopLimit(9).signature(sig).build().signature());
  }

  @Test
  void detectsTamperingWithEveryIdentityField() {
    RoutingFields f = signer.sign(Fixtures.fields(), Fixtures.identity());
    MessageIdentity id = Fixtures.identity();
    for (MessageIdentity other :
        List.of(
            new MessageIdentity(
                MessageKind.DELIVERY_REPORT,
                id.messageId(),
                id.transactionId(),
                id.date(),
                id.originator()),
            new MessageIdentity(
                id.kind(), id.messageId() + "x", id.transactionId(), id.date(), id.originator()),
            new MessageIdentity(id.kind(), id.messageId(), "t-2", id.date(), id.originator()),
            new MessageIdentity(
                id.kind(), id.messageId(), id.transactionId(), "1", id.originator()),
            new MessageIdentity(
                id.kind(),
                id.messageId(),
                id.transactionId(),
                id.date(),
                "+491700000000/TYPE=PLMN"),
            // Length prefixes: moving a character between neighbouring fields changes the input.
            new MessageIdentity(
                id.kind(),
                id.messageId(),
                id.transactionId() + id.date().charAt(0),
                id.date().substring(1),
                id.originator()))) {
      assertEquals(
          Reason.BAD_SIGNATURE,
          assertThrows(RoutingFieldException.class, () -> verifier.verify(f, other, NOW)).reason(),
          other.toString());
    }
  }

  @Test
  void detectsAFlippedSignatureBit() {
    RoutingFields f = signer.sign(Fixtures.fields(), Fixtures.identity());
    byte[] sig = f.signature().orElseThrow().value();
    sig[17] ^= 0x04;
    RoutingFields t = f.toBuilder().signature(RoutingSignature.of("rs-b.1", sig)).build();
    assertEquals(
        Reason.BAD_SIGNATURE,
        assertThrows(
                RoutingFieldException.class, () -> verifier.verify(t, Fixtures.identity(), NOW))
            .reason());
  }

  @Test
  void refusesUnsignedUnknownKeyAndWrongSigner() {
    assertEquals(
        Reason.UNSIGNED,
        assertThrows(
                RoutingFieldException.class,
                () -> verifier.verify(Fixtures.fields(), Fixtures.identity(), NOW))
            .reason());

    RoutingSigner stranger = RoutingSigner.fromSeed("rs-b.9", Fixtures.B, Fixtures.seed(9));
    RoutingFieldException e =
        assertThrows(
            RoutingFieldException.class,
            () ->
                verifier.verify(
                    stranger.sign(Fixtures.fields(), Fixtures.identity()),
                    Fixtures.identity(),
                    NOW));
    assertEquals(Reason.UNKNOWN_KEY, e.reason());
    assertEquals(RoutingHeaders.SIGNATURE, e.header());
    assertEquals(0xE1, e.responseStatus().code());
    assertEquals("Error-service-denied", e.mm4StatusCode().token());

    // rs-a's key signing a hop whose path says rs-b sent it.
    RoutingSigner a = RoutingSigner.fromSeed("rs-a.1", Fixtures.A, Fixtures.seed(2));
    KeyRing both = KeyRing.of(List.of(signer.trustedKey(FROM, UNTIL), a.trustedKey(FROM, UNTIL)));
    RoutingFields forgedBySibling =
        RoutingSigner.fromSeed("rs-a.1", Fixtures.B, Fixtures.seed(2))
            .sign(Fixtures.fields(), Fixtures.identity());
    assertEquals(
        Reason.WRONG_SIGNER,
        assertThrows(
                RoutingFieldException.class,
                () -> RoutingVerifier.of(both).verify(forgedBySibling, Fixtures.identity(), NOW))
            .reason());

    // A signer only signs hops it sends.
    assertThrows(
        IllegalArgumentException.class, () -> a.sign(Fixtures.fields(), Fixtures.identity()));
  }

  @Test
  void refusesExpiredAndNotYetValidKeys() {
    RoutingFields f = signer.sign(Fixtures.fields(), Fixtures.identity());
    KeyRing expired = KeyRing.of(List.of(signer.trustedKey(FROM, NOW)));
    RoutingFieldException e =
        assertThrows(
            RoutingFieldException.class,
            () -> RoutingVerifier.of(expired).verify(f, Fixtures.identity(), NOW));
    assertEquals(Reason.KEY_NOT_VALID, e.reason());
    KeyRing future = KeyRing.of(List.of(signer.trustedKey(NOW.plusSeconds(1), UNTIL)));
    assertEquals(
        Reason.KEY_NOT_VALID,
        assertThrows(
                RoutingFieldException.class,
                () -> RoutingVerifier.of(future).verify(f, Fixtures.identity(), NOW))
            .reason());
  }

  @Test
  void enforcesTheReplayWindow() throws Exception {
    RoutingFields f = signer.sign(Fixtures.fields(), Fixtures.identity());
    verifier.verify(f, Fixtures.identity(), Fixtures.T0.plus(RoutingVerifier.DEFAULT_MAX_AGE));
    assertEquals(
        Reason.STALE,
        assertThrows(
                RoutingFieldException.class,
                () ->
                    verifier.verify(
                        f,
                        Fixtures.identity(),
                        Fixtures.T0.plus(RoutingVerifier.DEFAULT_MAX_AGE).plusSeconds(1)))
            .reason());
    verifier.verify(f, Fixtures.identity(), Fixtures.T0.minus(RoutingVerifier.DEFAULT_MAX_SKEW));
    RoutingFieldException e =
        assertThrows(
            RoutingFieldException.class,
            () ->
                verifier.verify(
                    f,
                    Fixtures.identity(),
                    Fixtures.T0.minus(RoutingVerifier.DEFAULT_MAX_SKEW).minusSeconds(1)));
    assertEquals(Reason.FUTURE, e.reason());
    assertEquals(RoutingHeaders.ISSUED, e.header());
  }

  @Test
  void rotationWithTwoLiveKeys() throws Exception {
    RoutingSigner next =
        RoutingSigner.generate("rs-b.2", Fixtures.B, new SecureRandom(new byte[] {1}));
    Instant switchAt = NOW.plus(Duration.ofDays(1));
    // Old key until switch + window; new key from a day before the switch.
    KeyRing ring2 =
        KeyRing.builder()
            .add(signer.trustedKey(FROM, switchAt.plus(Duration.ofHours(1))))
            .add(next.trustedKey(switchAt.minus(Duration.ofDays(1)), UNTIL))
            .build();
    RoutingVerifier v = RoutingVerifier.of(ring2);
    RoutingFields oldSigned =
        signer.sign(Fixtures.fields().toBuilder().issuedAt(switchAt).build(), Fixtures.identity());
    RoutingFields newSigned =
        next.sign(Fixtures.fields().toBuilder().issuedAt(switchAt).build(), Fixtures.identity());
    assertEquals("rs-b.1", v.verify(oldSigned, Fixtures.identity(), switchAt).keyId());
    assertEquals("rs-b.2", v.verify(newSigned, Fixtures.identity(), switchAt).keyId());
    // After the old key's end only the new key verifies.
    Instant later = switchAt.plus(Duration.ofHours(1));
    RoutingFields oldLate =
        signer.sign(Fixtures.fields().toBuilder().issuedAt(later).build(), Fixtures.identity());
    RoutingFields newLate =
        next.sign(Fixtures.fields().toBuilder().issuedAt(later).build(), Fixtures.identity());
    assertEquals(
        Reason.KEY_NOT_VALID,
        assertThrows(
                RoutingFieldException.class, () -> v.verify(oldLate, Fixtures.identity(), later))
            .reason());
    v.verify(newLate, Fixtures.identity(), later);
    // Two ring entries cannot share a key id.
    assertThrows(
        IllegalArgumentException.class,
        () ->
            KeyRing.builder()
                .add(signer.trustedKey(FROM, UNTIL))
                .add(
                    RoutingSigner.fromSeed("rs-b.1", Fixtures.B, Fixtures.seed(5))
                        .trustedKey(FROM, UNTIL)));
  }

  @Test
  void refusesBadKeyMaterial() {
    assertThrows(
        IllegalArgumentException.class,
        () -> RoutingSigner.fromSeed("k", Fixtures.A, new byte[31]));
    assertThrows(
        IllegalArgumentException.class,
        () -> RoutingSigner.fromSeed("bad id", Fixtures.A, new byte[32]));
    assertThrows(
        IllegalArgumentException.class,
        () -> KeyRing.TrustedKey.of("k", Fixtures.A, new byte[33], FROM, UNTIL));
    assertThrows(
        IllegalArgumentException.class,
        () -> KeyRing.TrustedKey.of("k", Fixtures.A, signer.publicKey(), UNTIL, FROM));
  }

  /** A null argument is a NullPointerException naming it; a wrong value stays an IAE. */
  @Test
  void nullArgumentsAreNamed() {
    assertNpe("seed", () -> RoutingSigner.fromSeed("k", Fixtures.A, null));
    assertNpe("keyId", () -> RoutingSigner.fromSeed(null, Fixtures.A, new byte[32]));
    assertNpe("keyId", () -> RoutingSigner.generate(null, Fixtures.A, new SecureRandom()));
    assertNpe("publicKey", () -> KeyRing.TrustedKey.of("k", Fixtures.A, null, FROM, UNTIL));
    assertNpe("value", () -> RoutingSignature.of("k", null));
    assertNpe("keyId", () -> RoutingSignature.of(null, new byte[64]));
    assertNpe("key", () -> MessageIds.withKeys(null));
    assertNpe("key", () -> MessageIds.withKeys(new byte[16], (byte[]) null));
    assertNpe("countryCode", () -> new NumberPlan(null, "", ""));
  }

  private static void assertNpe(String name, Runnable r) {
    assertEquals(name, assertThrows(NullPointerException.class, r::run).getMessage());
  }
}
