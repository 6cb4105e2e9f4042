package org.mmsstack.routing.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.value.ResponseStatus;
import org.mmsstack.routing.RejectReason;
import org.mmsstack.routing.RelayId;
import org.mmsstack.routing.RouteDecision;
import org.mmsstack.routing.RouteTarget;
import org.mmsstack.routing.table.internal.KeyTargetTable;

class RoutingTableTest {

  private static final RouteTarget NORTH = RouteTarget.relay("rs-north");
  private static final RouteTarget SOUTH = RouteTarget.relay("rs-south");
  private static final RouteTarget EAST = RouteTarget.relay("rs-east");
  private static final RouteTarget WEST = RouteTarget.relay("rs-west");
  private static final RouteTarget OTHER = RouteTarget.foreignMmse("mms.mnc002.mcc262.gprs");
  private static final RouteTarget MAIL = RouteTarget.relay("rs-mail");
  private static final RouteTarget UNKNOWN = RouteTarget.reject(RejectReason.UNKNOWN_RECIPIENT);
  private static final RouteTarget INVALID = RouteTarget.reject(RejectReason.INVALID_ADDRESS);
  private static final RouteTarget NO_ROUTE = RouteTarget.reject(RejectReason.NO_ROUTE);

  private static RoutingTableBuilder sample() {
    return RoutingTable.builder(TableVersion.of(7, "2026-11-25"))
        .prefix("49", NORTH)
        .prefix("4917", SOUTH)
        .prefix("491711", EAST)
        .prefix("+4930", OTHER)
        .override("4917112345678", WEST)
        .override("4930999", NORTH)
        .domain("example.com", MAIL)
        .domain("mms.mnc002.mcc262.gprs", OTHER)
        .domain("north.example.com", NORTH)
        .defaultRoute(UNKNOWN);
  }

  @Test
  void longestPrefixWinsAmongNestedPrefixes() {
    RoutingTable t = sample().build();
    assertEquals(NORTH, t.lookupNumber("4912345"));
    assertEquals(SOUTH, t.lookupNumber("491700000"));
    assertEquals(SOUTH, t.lookupNumber("4917"));
    assertEquals(EAST, t.lookupNumber("4917110000000"));
    assertEquals(EAST, t.lookupNumber("491711"));
    assertEquals(SOUTH, t.lookupNumber("49171"));
  }

  @Test
  void prefixLongerThanNumberDoesNotMatch() {
    RoutingTable t =
        RoutingTable.builder(TableVersion.of(1))
            .prefix("491711", EAST)
            .defaultRoute(UNKNOWN)
            .build();
    assertEquals(UNKNOWN, t.lookupNumber("49171"));
    assertEquals(EAST, t.lookupNumber("491711"));
    assertEquals(UNKNOWN, t.lookupNumber("491712"));
  }

  @Test
  void overrideBeatsEveryPrefixButOnlyForThatNumber() {
    RoutingTable t = sample().build();
    assertEquals(WEST, t.lookupNumber("4917112345678"));
    assertEquals(EAST, t.lookupNumber("4917112345679"));
    assertEquals(EAST, t.lookupNumber("49171123456780"), "an override is not a prefix");
    assertEquals(EAST, t.lookupNumber("491711234567"));
    assertEquals(NORTH, t.lookupNumber("4930999"));
    assertEquals(OTHER, t.lookupNumber("4930998"));
  }

  @Test
  void unmatchedNumberGetsDefault() {
    RoutingTable t = sample().build();
    assertEquals(UNKNOWN, t.lookupNumber("331234567"));
    assertEquals(Optional.of(UNKNOWN), t.defaultRoute());
  }

  @Test
  void withoutDefaultUnmatchedIsRejectedWithNoRoute() {
    RoutingTable t = sample().defaultRoute(null).build();
    assertEquals(NO_ROUTE, t.lookupNumber("331234567"));
    assertEquals(NO_ROUTE, t.lookupDomain("example.org"));
    assertEquals(Optional.empty(), t.defaultRoute());
    assertTrue(t.targets().contains(NO_ROUTE));
  }

  @Test
  void emptyTableRoutesEverythingToDefault() {
    RoutingTable t = RoutingTable.builder(TableVersion.of(0)).defaultRoute(NORTH).build();
    assertEquals(NORTH, t.lookupNumber("1"));
    assertEquals(NORTH, t.lookupDomain("a.b"));
    assertEquals(INVALID, t.lookupNumber("x"));
  }

  @Test
  void domainSuffixMatchesOnlyOnLabelBoundaries() {
    RoutingTable t = sample().build();
    assertEquals(MAIL, t.lookupDomain("example.com"));
    assertEquals(MAIL, t.lookupDomain("mail.example.com"));
    assertEquals(UNKNOWN, t.lookupDomain("evilexample.com"));
    assertEquals(UNKNOWN, t.lookupDomain("example.com.evil"));
    assertEquals(UNKNOWN, t.lookupDomain("com"));
    assertEquals(NORTH, t.lookupDomain("north.example.com"));
    assertEquals(NORTH, t.lookupDomain("a.north.example.com"));
    assertEquals(MAIL, t.lookupDomain("xnorth.example.com"));
  }

  @Test
  void domainLookupIgnoresCaseAndOneTrailingDot() {
    RoutingTable t = sample().build();
    assertEquals(MAIL, t.lookupDomain("Mail.EXAMPLE.Com"));
    assertEquals(OTHER, t.lookupDomain("MMS.MNC002.MCC262.GPRS"));
    assertEquals(MAIL, t.lookupDomain("example.com."));
    assertEquals(INVALID, t.lookupDomain("example.com.."));
  }

  @Test
  void malformedDomainsAreInvalidAddresses() {
    RoutingTable t = sample().build();
    for (String bad :
        new String[] {
          "",
          ".",
          "a..example.com",
          ".example.com",
          "exa mple.com",
          "exämple.com",
          "a/b.com",
          "x".repeat(64) + ".com",
          ("a".repeat(60) + ".").repeat(5) + "com"
        }) {
      assertEquals(INVALID, t.lookupDomain(bad), bad);
    }
    assertEquals(MAIL, t.lookupDomain("x".repeat(63) + ".example.com"));
  }

  @Test
  void numberNormalisationStripsPlusAndRejectsEverythingElse() {
    RoutingTable t = sample().build();
    assertEquals(WEST, t.lookupNumber("+4917112345678"));
    for (String bad :
        new String[] {
          "",
          "+",
          "++49",
          "49 17",
          "49-17",
          "4917a",
          "+49.17",
          "1234567890123456",
          "+1234567890123456",
          "4917112345678/TYPE=PLMN",
          "\u0664\u0669"
        }) {
      assertEquals(INVALID, t.lookupNumber(bad), bad);
    }
    assertEquals(NORTH, t.lookupNumber("499999999999999"), "15 digits are fine");
  }

  @Test
  void primitiveNumberFormAgreesWithText() {
    RoutingTable t = sample().build();
    assertEquals(WEST, t.lookupNumber(4917112345678L, 13));
    assertEquals(EAST, t.lookupNumber(4917110000000L, 13));
    assertEquals(UNKNOWN, t.lookupNumber(49L, 3), "049 is not 49");
    assertEquals(NORTH, t.lookupNumber(49L, 2));
    assertEquals(INVALID, t.lookupNumber(4917L, 3), "more digits than the count");
    assertEquals(INVALID, t.lookupNumber(-1L, 3));
    assertEquals(INVALID, t.lookupNumber(1L, 0));
    assertEquals(INVALID, t.lookupNumber(1L, 16));
    assertEquals(NORTH, t.lookupNumber(499999999999999L, 15));
  }

  @Test
  void byteSliceFormReadsOnlyTheSlice() {
    RoutingTable t = sample().build();
    byte[] b = "xx+4917112345678yy4930".getBytes(StandardCharsets.US_ASCII);
    assertEquals(WEST, t.lookupNumber(b, 2, 14));
    assertEquals(EAST, t.lookupNumber(b, 3, 12));
    assertEquals(OTHER, t.lookupNumber(b, 18, 4));
    assertEquals(INVALID, t.lookupNumber(b, 0, 5));
    assertEquals(INVALID, t.lookupNumber(b, 2, 0));
    assertThrows(IndexOutOfBoundsException.class, () -> t.lookupNumber(b, 20, 5));
  }

  @Test
  void addressFormsAreDispatched() {
    RoutingTable t = sample().build();
    assertEquals(WEST, t.lookupAddress("+4917112345678/TYPE=PLMN"));
    assertEquals(WEST, t.lookupAddress("+4917112345678/type=plmn"));
    assertEquals(WEST, t.lookupAddress("4917112345678"));
    assertEquals(MAIL, t.lookupAddress("alice@mail.example.com"));
    assertEquals(MAIL, t.lookupAddress("\"odd@name\"@example.com"));
    assertEquals(OTHER, t.lookupAddress("mms.mnc002.mcc262.gprs"));
    assertEquals(INVALID, t.lookupAddress("192.0.2.1/TYPE=IPv4"));
    assertEquals(INVALID, t.lookupAddress("abc/TYPE=PLMN"));
    assertEquals(INVALID, t.lookupAddress("mms.mnc002.mcc262.gprs/TYPE=PLMN"));
    assertEquals(INVALID, t.lookupAddress("example.com/x"));
    assertEquals(INVALID, t.lookupAddress("a/b.example.com"));
    assertEquals(INVALID, t.lookupAddress("alice@"));
    assertEquals(INVALID, t.lookupAddress(""));
  }

  @Test
  void explainNamesRuleAndKey() {
    RoutingTable t = sample().build();
    assertEquals(
        new RouteMatch(RouteMatch.Rule.OVERRIDE, "4917112345678", WEST),
        t.explain("+4917112345678/TYPE=PLMN"));
    assertEquals(
        new RouteMatch(RouteMatch.Rule.PREFIX, "491711", EAST), t.explain("+4917112345679"));
    assertEquals(new RouteMatch(RouteMatch.Rule.DEFAULT, "", UNKNOWN), t.explain("331"));
    assertEquals(new RouteMatch(RouteMatch.Rule.INVALID, "", INVALID), t.explain("+33x1"));
    assertEquals(
        new RouteMatch(RouteMatch.Rule.DOMAIN, "north.example.com", NORTH),
        t.explain("bob@A.North.Example.com."));
    assertEquals(
        new RouteMatch(RouteMatch.Rule.DEFAULT, "", UNKNOWN), t.explain("bob@example.org"));
    assertEquals(new RouteMatch(RouteMatch.Rule.INVALID, "", INVALID), t.explain("bob@exa..org"));
  }

  @Test
  void lookupsReturnTheTablesInternedTargets() {
    RoutingTable t = sample().build();
    RouteTarget viaPrefix = t.lookupNumber("4912");
    RouteTarget viaOverride = t.lookupNumber("4930999");
    assertSame(viaPrefix, viaOverride);
    assertTrue(t.targets().stream().anyMatch(x -> x == viaPrefix));
    assertSame(t.targets().get(0), t.lookupNumber("bad"));
    assertEquals(8, t.targets().size(), "invalid-address + 7 distinct targets: " + t.targets());
  }

  @Test
  void countsAndVersionAreReported() {
    RoutingTable t = sample().build();
    assertEquals(4, t.prefixCount());
    assertEquals(2, t.overrideCount());
    assertEquals(3, t.domainCount());
    assertEquals(TableVersion.of(7, "2026-11-25"), t.version());
  }

  @Test
  void estimatedSizeIsAboutTenBytesPerNumberEntryPlusTheFilter() {
    int n = 20_000;
    RoutingTableBuilder b = RoutingTable.builder(TableVersion.of(1)).defaultRoute(UNKNOWN);
    for (int i = 0; i < n / 2; i++) {
      b.prefix(Integer.toString(4_900_000 + i), i % 2 == 0 ? NORTH : SOUTH);
      b.override(Long.toString(4_917_100_000_000L + i), EAST);
    }
    long size = b.build().estimatedSizeInBytes();
    // 1.25 slots of 8 bytes per entry, and a filter of 1 to 2 bytes per entry; the rest
    // (targets, an empty domain table, headers) is a few hundred bytes.
    assertTrue(size >= 11L * n && size <= 12L * n + 1024, "size " + size);
    long empty = RoutingTable.builder(TableVersion.of(1)).build().estimatedSizeInBytes();
    assertTrue(empty > 0 && empty < 1024, "empty size " + empty);
  }

  @Test
  void builderRejectsDuplicatesAndBadInput() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> sample().prefix("4917", NORTH).build());
    assertTrue(e.getMessage().contains("prefix 4917"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> sample().prefix("4917", SOUTH).build(),
        "a repeated prefix is an error even with the same target");
    assertThrows(
        IllegalArgumentException.class, () -> sample().override("+4930999", NORTH).build());
    assertThrows(
        IllegalArgumentException.class, () -> sample().domain("EXAMPLE.com", NORTH).build());
    assertThrows(IllegalArgumentException.class, () -> sample().prefix("49x", NORTH));
    assertThrows(IllegalArgumentException.class, () -> sample().prefix("1234567890123456", NORTH));
    assertThrows(IllegalArgumentException.class, () -> sample().override("", NORTH));
    assertThrows(IllegalArgumentException.class, () -> sample().domain("a..b", NORTH));
    assertThrows(IllegalStateException.class, () -> new RoutingTableBuilder().build());
  }

  @Test
  void builderNamesTheFirstDuplicateAndCountsTheRest() {
    IllegalArgumentException one =
        assertThrows(
            IllegalArgumentException.class, () -> sample().override("4930999", SOUTH).build());
    assertEquals(
        "number 4930999 relay rs-south duplicates number 4930999 relay rs-north", one.getMessage());
    IllegalArgumentException three =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                sample()
                    .prefix("4917", NORTH)
                    .override("4930999", SOUTH)
                    .domain("example.com", EAST)
                    .build());
    assertEquals(
        "prefix 4917 relay rs-north duplicates prefix 4917 relay rs-south (and 2 more duplicates)",
        three.getMessage());
  }

  @Test
  void builderCanBuildAgainAfterMoreEntries() {
    RoutingTableBuilder b = sample();
    RoutingTable first = b.build();
    RoutingTable second = b.prefix("33", NORTH).version(TableVersion.of(8)).build();
    assertEquals(UNKNOWN, first.lookupNumber("331"));
    assertEquals(NORTH, second.lookupNumber("331"));
  }

  @Test
  void targetLimitIsEnforced() {
    // The documented limit (RoutingTable, the builder, the format): one index below the slots'.
    assertEquals(16383, KeyTargetTable.MAX_TARGETS - 1);
    RoutingTableBuilder b = RoutingTable.builder(TableVersion.of(1));
    for (int i = 0; i < 16382; i++) {
      b.prefix(Integer.toString(100000 + i), RouteTarget.relay("r" + i));
    }
    assertThrows(
        IllegalArgumentException.class, () -> b.prefix("99", RouteTarget.relay("one-too-many")));
    RoutingTable t = b.build();
    assertEquals(RouteTarget.relay("r16381"), t.lookupNumber("1163811"));
    assertEquals(NO_ROUTE, t.lookupNumber("2"));
  }

  @Test
  void tablesWithSameContentAreEqual() {
    assertEquals(sample().build(), sample().build());
    assertEquals(sample().build().hashCode(), sample().build().hashCode());
    assertNotEquals(sample().build(), sample().prefix("1", NORTH).build());
    assertNotEquals(sample().build(), sample().version(TableVersion.of(7)).build());
    assertNotEquals(sample().build(), sample().defaultRoute(NORTH).build());
  }

  @Test
  void valueTypesValidate() {
    assertThrows(IllegalArgumentException.class, () -> RelayId.of("RS-North"));
    assertThrows(IllegalArgumentException.class, () -> RelayId.of("-rs"));
    assertThrows(IllegalArgumentException.class, () -> RelayId.of(""));
    assertThrows(IllegalArgumentException.class, () -> RelayId.of("r".repeat(33)));
    assertTrue(RelayId.isValid("rs-north-2"));
    assertEquals("mms.example.net", RouteTarget.foreignMmse("MMS.Example.NET").domain());
    assertThrows(IllegalArgumentException.class, () -> RouteTarget.foreignMmse("bad domain"));
    assertThrows(IllegalArgumentException.class, () -> TableVersion.of(-1));
    assertThrows(IllegalArgumentException.class, () -> TableVersion.of(1, "has space"));
    assertThrows(IllegalArgumentException.class, () -> TableVersion.of(1, ""));
    assertEquals("3 (x)", TableVersion.of(3, "x").toString());
    assertEquals(0, TableVersion.of(3, "x").compareTo(TableVersion.of(3)));
    assertFalse(TableVersion.of(3, "x").equals(TableVersion.of(3)));
    assertSame(RouteTarget.reject(RejectReason.BARRED), RouteTarget.reject(RejectReason.BARRED));
  }

  @Test
  void rejectReasonsMapToResponseStatusAndMm4Codes() {
    assertEquals(0xE3, RejectReason.UNKNOWN_RECIPIENT.responseStatus().code());
    assertEquals(0xE1, RejectReason.BARRED.responseStatus().code());
    assertEquals(0xE3, RejectReason.INVALID_ADDRESS.responseStatus().code());
    assertEquals(0xE3, RejectReason.NO_ROUTE.responseStatus().code());
    assertEquals(0xC3, RejectReason.UNREACHABLE.responseStatus().code());
    assertEquals(0xE0, RejectReason.REFUSED.responseStatus().code());
    // The MM4 code and transience come from the one status mapping the routing function uses.
    assertEquals("Error-sending-address-unresolved", mm4(RejectReason.UNKNOWN_RECIPIENT));
    assertEquals("Error-service-denied", mm4(RejectReason.BARRED));
    assertEquals("Error-sending-address-unresolved", mm4(RejectReason.INVALID_ADDRESS));
    assertEquals("Error-sending-address-unresolved", mm4(RejectReason.NO_ROUTE));
    assertEquals("Error-network-problem", mm4(RejectReason.UNREACHABLE));
    assertEquals("Error-unspecified", mm4(RejectReason.REFUSED));
    for (RejectReason r : RejectReason.values()) {
      assertSame(r, RejectReason.fromToken(r.token()).orElseThrow());
      ResponseStatus status = r.responseStatus();
      assertSame(status, RouteTarget.reject(r).status());
      assertTrue(status.code() >= 0xC0 && status.code() <= 0xFF);
      assertTrue(status.isKnown(), r + ": " + status);
      assertEquals(r == RejectReason.UNREACHABLE, status.isTransientError(), r.token());
    }
    assertTrue(RejectReason.fromToken("nope").isEmpty());
  }

  private static String mm4(RejectReason r) {
    return new RouteDecision.Rejection("+491", r.responseStatus(), r.token())
        .mm4StatusCode()
        .token();
  }
}
