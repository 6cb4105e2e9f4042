package org.mmsstack.mm4.convert;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.mmsstack.encapsulation.MmsVersion;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.mm4.value.Mm4Address;

/** Contexts of a fixed clock and predictable ids, shared by the conversion tests. */
final class TestContexts {

  static final Instant NOW = Instant.parse("2024-05-06T07:08:09Z");
  static final String LOCAL = "mms.mnc002.mcc262.gprs";
  static final String PEER = "mms.mnc001.mcc262.gprs";
  static final Mm4Address SYSTEM = Mm4Address.of(null, "system-user", null, LOCAL);
  static final Address SENDER = Address.plmn("+491700000001");

  private TestContexts() {}

  static ConversionContext.Builder builder() {
    AtomicInteger n = new AtomicInteger();
    return ConversionContext.builder()
        .originatorSystem(SYSTEM)
        .localDomain(LOCAL)
        .recipientDomain(PEER)
        .messageId("MSG-0001@" + LOCAL)
        .transactionIds(() -> "tid-" + n.incrementAndGet())
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .senderAddress(SENDER)
        .originalSender(SENDER)
        .contentLocation("http://mms.example.org/mm/0001")
        .mmsVersion(MmsVersion.V1_3);
  }

  static ConversionContext context() {
    return builder().build();
  }
}
