package org.mmsstack.mm4.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.MmsVersion;
import org.mmsstack.encapsulation.value.ContentClass;
import org.mmsstack.encapsulation.value.MessageClass;
import org.mmsstack.encapsulation.value.Priority;
import org.mmsstack.encapsulation.value.ReadStatus;
import org.mmsstack.encapsulation.value.ResponseStatus;
import org.mmsstack.encapsulation.value.SenderVisibility;
import org.mmsstack.encapsulation.value.Status;
import org.mmsstack.encapsulation.value.TimeValue;
import org.mmsstack.mm4.value.MmStatusCode;
import org.mmsstack.mm4.value.RequestStatusCode;
import org.mmsstack.mm4.value.YesNo;

/** Every value of every table, both directions. */
class ValueMappingTest {

  @Test
  void mmStatusCodesMapOneToOneAndBack() {
    for (MmStatusCode c : MmStatusCode.values()) {
      Status s = ValueMapping.status(c);
      assertEquals(c, ValueMapping.mmStatusCode(s));
      assertEquals(c.token(), s.name(), "the binary names equal the MM4 tokens");
      assertTrue(ValueMapping.isLossless(s));
    }
  }

  @Test
  void binaryStatusesWithoutAnMm4TokenBecomeIndeterminate() {
    assertEquals(MmStatusCode.INDETERMINATE, ValueMapping.mmStatusCode(Status.UNREACHABLE));
    assertEquals(MmStatusCode.INDETERMINATE, ValueMapping.mmStatusCode(Status.valueOf(0x9F)));
    assertFalse(ValueMapping.isLossless(Status.UNREACHABLE));
    for (Status s : Status.values()) {
      if (!s.equals(Status.UNREACHABLE)) {
        assertTrue(ValueMapping.isLossless(s), s.toString());
      }
    }
  }

  @Test
  void requestStatusCodesGoToTheOldCodesIn10AndToThe11CodesLater() {
    for (RequestStatusCode c : RequestStatusCode.values()) {
      ResponseStatus old = ValueMapping.responseStatus(c, MmsVersion.V1_0);
      assertEquals(c.token(), old.name(), "MMS 1.0: the code of the same name");
      assertEquals(c, ValueMapping.requestStatusCode(old));
      ResponseStatus v11 = ValueMapping.responseStatus(c, MmsVersion.V1_2);
      assertTrue(c == RequestStatusCode.OK ? v11.isOk() : v11.code() >= 0xC0, c + " -> " + v11);
      assertEquals(
          c == RequestStatusCode.ERROR_UNSUPPORTED_MESSAGE
              ? RequestStatusCode.ERROR_UNSPECIFIED
              : c,
          ValueMapping.requestStatusCode(v11),
          c + " via " + v11);
    }
    assertEquals(
        ResponseStatus.ERROR_TRANSIENT_NETWORK_PROBLEM,
        ValueMapping.responseStatus(RequestStatusCode.ERROR_NETWORK_PROBLEM, MmsVersion.V1_1));
    assertEquals(
        ResponseStatus.ERROR_PERMANENT_FAILURE,
        ValueMapping.responseStatus(RequestStatusCode.ERROR_UNSPECIFIED, MmsVersion.V1_3),
        "up to the generic code");
  }

  @Test
  void everyBinaryResponseStatusMapsDownToTheMm4Set() {
    Object[][] table = {
      {0x80, "Ok"},
      {0x81, "Error-unspecified"},
      {0x82, "Error-service-denied"},
      {0x83, "Error-message-format-corrupt"},
      {0x84, "Error-sending-address-unresolved"},
      {0x85, "Error-message-not-found"},
      {0x86, "Error-network-problem"},
      {0x87, "Error-content-not-accepted"},
      {0x88, "Error-unsupported-message"},
      {0xC0, "Error-unspecified"},
      {0xC1, "Error-sending-address-unresolved"},
      {0xC2, "Error-message-not-found"},
      {0xC3, "Error-network-problem"},
      {0xC4, "Error-unspecified"},
      {0xE0, "Error-unspecified"},
      {0xE1, "Error-service-denied"},
      {0xE2, "Error-message-format-corrupt"},
      {0xE3, "Error-sending-address-unresolved"},
      {0xE4, "Error-message-not-found"},
      {0xE5, "Error-content-not-accepted"},
      {0xE6, "Error-service-denied"},
      {0xE7, "Error-service-denied"},
      {0xE8, "Error-service-denied"},
      {0xE9, "Error-unsupported-message"},
      {0xEA, "Error-service-denied"},
      {0xEB, "Error-service-denied"},
      {0xD7, "Error-unspecified"},
      {0xF5, "Error-unspecified"},
    };
    for (Object[] row : table) {
      ResponseStatus s = ResponseStatus.valueOf((Integer) row[0]);
      assertEquals(row[1], ValueMapping.requestStatusCode(s).token(), s.toString());
    }
    for (ResponseStatus s : ResponseStatus.values()) {
      ValueMapping.requestStatusCode(s); // every defined value has a mapping
    }
    assertTrue(ValueMapping.isLossless(ResponseStatus.ERROR_PERMANENT_SERVICE_DENIED));
    assertTrue(ValueMapping.isLossless(ResponseStatus.ERROR_SERVICE_DENIED));
    assertFalse(ValueMapping.isLossless(ResponseStatus.ERROR_TRANSIENT_PARTIAL_SUCCESS));
  }

  @Test
  void readStatusTravelsAsItselfWhenMm4HasItsToken() {
    for (ReadStatus r : ReadStatus.values()) {
      assertEquals(Optional.of(r), ValueMapping.readStatus(r));
    }
    assertEquals(
        List.of("Read", "Deleted without being read"),
        ReadStatus.values().stream().map(ReadStatus::name).toList());
    assertEquals(Optional.empty(), ValueMapping.readStatus(ReadStatus.valueOf(0x85)));
  }

  @Test
  void priorityTravelsAsItselfWhenMm4HasItsToken() {
    for (Priority p : Priority.values()) {
      assertEquals(Optional.of(p), ValueMapping.priority(p));
    }
    assertEquals(
        List.of("Low", "Normal", "High"), Priority.values().stream().map(Priority::name).toList());
    assertEquals(Optional.empty(), ValueMapping.priority(Priority.valueOf(0x90)));
  }

  @Test
  void messageClassIsOneTypeIncludingTokens() {
    for (MessageClass c : MessageClass.values()) {
      assertEquals(c, MessageClass.of(c.name().toUpperCase(java.util.Locale.ROOT)));
      assertFalse(c.isToken());
    }
    MessageClass own = MessageClass.of("NewMessageClass");
    assertTrue(own.isToken());
    assertEquals("NewMessageClass", own.name());
  }

  @Test
  void senderVisibilityTravelsAsItselfWhenMm4HasItsToken() {
    for (SenderVisibility v : SenderVisibility.values()) {
      assertEquals(Optional.of(v), ValueMapping.senderVisibility(v));
    }
    assertEquals(
        List.of("Hide", "Show"),
        SenderVisibility.values().stream().map(SenderVisibility::name).toList());
    assertEquals(Optional.empty(), ValueMapping.senderVisibility(SenderVisibility.valueOf(0x99)));
  }

  @Test
  void yesNoBothWays() {
    for (YesNo y : YesNo.values()) {
      assertEquals(y, ValueMapping.yesNo(ValueMapping.yesNo(y)));
    }
    assertEquals(YesNo.YES, ValueMapping.yesNo(true));
    assertEquals(YesNo.NO, ValueMapping.yesNo(false));
  }

  @Test
  void contentClassTravelsAsItselfWhenMm4HasItsToken() {
    for (ContentClass c : ContentClass.values()) {
      assertEquals(Optional.of(c), ValueMapping.contentClass(c));
    }
    // ENC 1.3 §7.3.9 and TS 23.140 Rel-6 spell the eight classes alike.
    assertEquals(
        List.of(
            "text",
            "image-basic",
            "image-rich",
            "video-basic",
            "video-rich",
            "megapixel",
            "content-basic",
            "content-rich"),
        ContentClass.values().stream().map(ContentClass::name).toList());
    assertEquals(Optional.empty(), ValueMapping.contentClass(ContentClass.valueOf(0x88)));
  }

  @Test
  void relativeTimesBecomeAbsoluteWithTheClockAndBack() {
    Instant base = Instant.parse("2024-01-01T00:00:00Z");
    assertEquals(
        Instant.parse("2024-01-08T00:00:00Z"),
        ValueMapping.absolute(TimeValue.relative(Duration.ofDays(7)), base));
    Instant abs = Instant.parse("2030-02-03T04:05:06Z");
    assertEquals(abs, ValueMapping.absolute(TimeValue.absolute(abs), base));
    OffsetDateTime d = OffsetDateTime.of(2030, 2, 3, 6, 5, 6, 0, ZoneOffset.ofHours(2));
    assertEquals(TimeValue.absolute(abs), ValueMapping.timeValue(d));
    assertEquals(
        TimeValue.relative(Duration.ofHours(1)), ValueMapping.relative(d, abs.minusSeconds(3600)));
    assertEquals(
        TimeValue.relative(Duration.ZERO),
        ValueMapping.relative(d, abs.plusSeconds(10)),
        "never negative");
    assertEquals(
        OffsetDateTime.of(2030, 2, 3, 4, 5, 6, 0, ZoneOffset.UTC),
        ValueMapping.date(abs.plusMillis(900)));
  }
}
