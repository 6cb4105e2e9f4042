package org.mmsstack.routing.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.Severity;
import org.mmsstack.routing.KeyRing;
import org.mmsstack.routing.RelayId;
import org.mmsstack.routing.RouteTarget;
import org.mmsstack.routing.RoutingDataFormatException;
import org.mmsstack.routing.RoutingDataFormatException.Format;
import org.mmsstack.routing.RoutingDataFormatException.Reason;
import org.mmsstack.routing.RoutingFindingCodes;
import org.mmsstack.routing.table.RoutingTable;
import org.mmsstack.routing.table.TableVersion;

class RoutingDataCodecTest {

  @Test
  void bundleRoundTripsWithTheSameDigest() throws Exception {
    RoutingData d = DataFixtures.data(42, 0);
    byte[] bundle = RoutingDataCodec.encode(d);
    RoutingData back = RoutingDataCodec.decode(bundle);
    assertEquals(d, back);
    assertEquals(d.digest(), back.digest());
    assertArrayEquals(bundle, RoutingDataCodec.encode(back));
    assertEquals(42, back.versionNumber());
    assertTrue(d.digest().matches("sha256:[0-9a-f]{64}"));
    assertTrue(
        new String(bundle, StandardCharsets.US_ASCII)
            .startsWith("mms-routing-data 1\ndigest " + d.digest() + "\ntable "));
  }

  @Test
  void digestChangesWithEveryPart() {
    RoutingData d = DataFixtures.data(42, 0);
    assertNotEquals(d.digest(), DataFixtures.data(42, 1).digest()); // table and secrets
    RoutingData otherRing = RoutingData.of(d.table(), KeyRing.builder().build(), d.secrets());
    assertNotEquals(d.digest(), otherRing.digest());
    assertTrue(d.sameContentAs(DataFixtures.data(42, 0)));
  }

  @Test
  void aTamperedBundleIsRefusedWhole() {
    byte[] bundle = RoutingDataCodec.encode(DataFixtures.data(42, 0));
    String text = new String(bundle, StandardCharsets.US_ASCII);
    byte[] tampered =
        text.replace("4917 relay rs-a", "4917 relay rs-b").getBytes(StandardCharsets.US_ASCII);
    assertNotEquals(text, new String(tampered, StandardCharsets.US_ASCII));
    RoutingDataFormatException e =
        assertThrows(RoutingDataFormatException.class, () -> RoutingDataCodec.decode(tampered));
    assertEquals(Format.ROUTING_DATA, e.format());
    assertEquals(Reason.DIGEST_MISMATCH, e.reason());
    assertEquals(RoutingFindingCodes.DIGEST_MISMATCH, e.findings().get(0).code());

    byte[] torn = java.util.Arrays.copyOf(bundle, bundle.length - 10);
    RoutingDataFormatException t =
        assertThrows(RoutingDataFormatException.class, () -> RoutingDataCodec.decode(torn));
    assertEquals(Reason.MISSING_FIELD, t.reason());

    byte[] noHeader = "hello\n".getBytes(StandardCharsets.US_ASCII);
    assertEquals(
        Reason.MISSING_HEADER,
        assertThrows(RoutingDataFormatException.class, () -> RoutingDataCodec.decode(noHeader))
            .reason());
    byte[] v2 =
        text.replaceFirst("mms-routing-data 1", "mms-routing-data 2")
            .getBytes(StandardCharsets.US_ASCII);
    assertEquals(
        Reason.UNSUPPORTED_FORMAT_VERSION,
        assertThrows(RoutingDataFormatException.class, () -> RoutingDataCodec.decode(v2)).reason());
  }

  @Test
  void secretsFileRoundTripsAndReportsEveryProblem() throws Exception {
    MessageIdSecrets s = MessageIdSecrets.of(DataFixtures.seed(3), DataFixtures.seed(4));
    byte[] enc = MessageIdSecretsCodec.encode(s);
    assertEquals(s, MessageIdSecretsCodec.decode(enc));
    assertEquals("MessageIdSecrets[2 secrets]", s.toString());
    // A null secret is named: a NullPointerException, where a wrong one is an IAE.
    assertEquals(
        "current",
        assertThrows(NullPointerException.class, () -> MessageIdSecrets.of((byte[]) null))
            .getMessage());
    assertEquals(
        "previous[1]",
        assertThrows(
                NullPointerException.class,
                () -> MessageIdSecrets.of(DataFixtures.seed(3), DataFixtures.seed(4), null))
            .getMessage());
    assertEquals(
        "secrets[1]",
        assertThrows(
                NullPointerException.class,
                () -> MessageIdSecrets.of(java.util.Arrays.asList(DataFixtures.seed(3), null)))
            .getMessage());
    MessageIdSecrets parsed =
        MessageIdSecretsCodec.decode(
            ("# secrets\r\nmms-routing-secrets 1\n\n  secret "
                    + "AAECAwQFBgcICQoLDA0ODw==   # base64 with padding\n")
                .getBytes(StandardCharsets.US_ASCII));
    assertEquals(1, parsed.size());
    assertEquals(15, parsed.secret(0)[15]);

    String bad =
        "mms-routing-secrets 1\n"
            + "secret AAECAwQF\n" // too short
            + "secret AAECAwQFBgcICQoLDA0ODw\n"
            + "secret AAECAwQFBgcICQoLDA0ODw\n" // duplicate
            + "secrets x\n" // unknown keyword
            + "secret\n" // missing value
            + "secret AAECAwQFBgcICQoLDA0ODw x\n"; // extra field
    RoutingDataFormatException e =
        assertThrows(
            RoutingDataFormatException.class,
            () -> MessageIdSecretsCodec.decode(bad.getBytes(StandardCharsets.US_ASCII)));
    assertEquals(Format.MESSAGE_ID_SECRETS, e.format());
    assertEquals(
        List.of(
            "invalid-secret",
            "duplicate-secret",
            "unknown-keyword",
            "missing-field",
            "unexpected-field"),
        e.findings().stream().map(f -> f.code()).toList());
    assertEquals(List.of(2L, 4L, 5L, 6L, 7L), e.findings().stream().map(f -> f.line()).toList());
    assertEquals(8, e.findings().get(0).column());

    assertEquals(
        Reason.MISSING_SECRET,
        assertThrows(
                RoutingDataFormatException.class,
                () ->
                    MessageIdSecretsCodec.decode(
                        "mms-routing-secrets 1\n".getBytes(StandardCharsets.US_ASCII)))
            .reason());
    assertEquals(
        Reason.MISSING_HEADER,
        assertThrows(
                RoutingDataFormatException.class, () -> MessageIdSecretsCodec.decode(new byte[0]))
            .reason());
  }

  @Test
  void builderMisuseNamesTheParameter() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MessageIdSecrets.of(DataFixtures.seed(1), new byte[8]));
    assertTrue(e.getMessage().startsWith("secrets[1]: 8 octets"), e.getMessage());
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> MessageIdSecrets.of(DataFixtures.seed(1), DataFixtures.seed(1)))
            .getMessage()
            .contains("equal to secrets[0]"));
  }

  @Test
  void validatorFlagsRelaysWithoutKeysAndAnEmptyRing() {
    RoutingData d = DataFixtures.data(1, 0);
    assertTrue(RoutingDataValidator.validate(d, DataFixtures.FROM).isClean());
    RoutingTable t =
        RoutingTable.builder(TableVersion.of(2))
            .prefix("4918", RouteTarget.relay(RelayId.of("rs-legacy")))
            .defaultRoute(RouteTarget.relay(DataFixtures.A))
            .build();
    var warn =
        RoutingDataValidator.validate(
            RoutingData.of(t, d.keyRing(), d.secrets()), DataFixtures.FROM);
    assertEquals(1, warn.count(Severity.WARNING));
    assertEquals(RoutingFindingCodes.RELAY_WITHOUT_KEY, warn.findings().get(0).code());
    assertEquals(1, warn.count(Severity.INFO)); // rs-b has a key but no route
    var expired = RoutingDataValidator.validate(d, DataFixtures.UNTIL.plusSeconds(1));
    assertTrue(expired.hasErrors());
    assertEquals(RoutingFindingCodes.NO_VALID_KEY, expired.findings().get(0).code());
  }

  @Test
  void validatorNamesNullArguments() {
    // Its shape (static, final, signatures) is checked with the other validators' in
    // jpms-consumer's ValidatorShapeTest.
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> RoutingDataValidator.validate(null));
    assertEquals("data", e.getMessage());
    RoutingData d = DataFixtures.data(1, 0);
    e = assertThrows(NullPointerException.class, () -> RoutingDataValidator.validate(d, null));
    assertEquals("now", e.getMessage());
  }
}
