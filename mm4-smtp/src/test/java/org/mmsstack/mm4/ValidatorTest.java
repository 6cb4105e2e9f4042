package org.mmsstack.mm4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Mandatory elements per type (builders and validator) and bad values, each naming the header. */
class ValidatorTest {

  private static Set<String> missing(String mail) throws Exception {
    Mm4Message m = Mm4Codec.create().parse(Fixtures.mail(mail));
    return Mm4Validator.validate(m).stream()
        .filter(f -> f.reason() == Mm4FormatException.Reason.MISSING_HEADER)
        .map(Mm4Finding::headerName).collect(Collectors.toSet());
  }

  @Test
  void reportsEveryMissingMandatoryElementOfEachType() throws Exception {
    assertEquals(Set.of("X-Mms-3GPP-MMS-Version", "X-Mms-Transaction-ID", "X-Mms-Message-ID",
        "X-Mms-Request-Status-Code"), missing("X-Mms-Message-Type: MM4_forward.RES\n\n"));
    assertEquals(Set.of("X-Mms-3GPP-MMS-Version", "X-Mms-Transaction-ID", "X-Mms-Message-ID", "To", "From",
        "Date", "X-Mms-Originator-System", "Message-ID", "MIME-Version", "Content-Type"),
        missing("X-Mms-Message-Type: MM4_forward.REQ\n\n"));
    assertEquals(Set.of("X-Mms-3GPP-MMS-Version", "X-Mms-Transaction-ID", "X-Mms-Message-ID", "To", "From",
        "Date", "X-Mms-MM-Status-Code", "Message-ID"), missing("X-Mms-Message-Type: MM4_delivery_report.REQ\n\n"));
    assertEquals(Set.of("X-Mms-3GPP-MMS-Version", "X-Mms-Transaction-ID", "X-Mms-Message-ID", "To", "From",
        "Date", "X-Mms-Read-Status", "Message-ID"), missing("X-Mms-Message-Type: MM4_read_reply_report.REQ\n\n"));
    for (String t : List.of("MM4_delivery_report.RES", "MM4_read_reply_report.RES")) {
      assertEquals(Set.of("X-Mms-3GPP-MMS-Version", "X-Mms-Transaction-ID", "X-Mms-Message-ID",
          "X-Mms-Request-Status-Code"), missing("X-Mms-Message-Type: " + t + "\n\n"));
    }
  }

  @Test
  void reportsBadValuesNamingTheHeader() throws Exception {
    String mail = Fixtures.RES_HEAD.replace("6.8.0", "six") + "X-Mms-Priority: Urgent\nX-Mms-Ack-Request: Maybe\n"
        + "X-Mms-Forward-Counter: -1\nX-Mms-Message-Class: Premium\nX-Mms-Content-Class: huge\n"
        + "X-Mms-Expiry: someday\nX-Mms-Message-ID: m2\n\n";
    List<Mm4Finding> f = Mm4Validator.validate(Mm4Codec.create().parse(Fixtures.mail(mail)));
    Set<String> bad = f.stream().filter(x -> x.reason() == Mm4FormatException.Reason.INVALID_VALUE)
        .map(Mm4Finding::headerName).collect(Collectors.toSet());
    assertEquals(Set.of("X-Mms-3GPP-MMS-Version", "X-Mms-Priority", "X-Mms-Ack-Request", "X-Mms-Forward-Counter",
        "X-Mms-Message-Class", "X-Mms-Content-Class", "X-Mms-Expiry"), bad);
    assertTrue(f.stream().anyMatch(x -> x.headerName().equals("X-Mms-3GPP-MMS-Version")
        && x.severity() == Mm4Finding.Severity.ERROR));
    assertTrue(f.stream().anyMatch(x -> x.headerName().equals("X-Mms-Message-Class")
        && x.severity() == Mm4Finding.Severity.INFO));
    assertTrue(f.stream().anyMatch(x -> x.reason() == Mm4FormatException.Reason.DUPLICATE_HEADER
        && x.headerName().equals("X-Mms-Message-ID")));
  }

  @Test
  void buildersEnforceMandatoryElements() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Fixtures.fullForwardRes().removeHeader(Mm4HeaderNames.REQUEST_STATUS_CODE).build());
    assertTrue(e.getMessage().contains("X-Mms-Request-Status-Code"));
    assertThrows(IllegalStateException.class, () -> Mm4ForwardReq.builder().mmsVersion(Mm4Version.V6_8_0).build());
    assertThrows(IllegalStateException.class,
        () -> Fixtures.fullDeliveryReportReq().removeHeader(Mm4HeaderNames.MM_STATUS_CODE).build());
    assertThrows(IllegalStateException.class,
        () -> Fixtures.fullReadReplyReportReq().removeHeader(Mm4HeaderNames.READ_STATUS).build());
    assertThrows(IllegalArgumentException.class, () -> Fixtures.fullForwardRes().header("X-Mms-Message-Type", "x"));
    assertThrows(IllegalArgumentException.class, () -> Fixtures.fullForwardReq().forwardCounter(-1));
  }

  @Test
  void previouslySentWithoutForwardCounterIsAWarning() {
    Mm4ForwardReq m = Fixtures.fullForwardReq().removeHeader(Mm4HeaderNames.FORWARD_COUNTER).build();
    assertTrue(Mm4Validator.validate(m).stream().anyMatch(x -> x.headerName().equals("X-Mms-Forward-Counter")
        && x.severity() == Mm4Finding.Severity.WARNING));
  }
}
