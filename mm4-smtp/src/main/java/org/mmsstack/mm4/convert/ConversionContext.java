package org.mmsstack.mm4.convert;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.mmsstack.encapsulation.MmsVersion;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.mm4.Mm4Version;
import org.mmsstack.mm4.value.Mm4Address;

/**
 * What a conversion needs to know that the message itself does not say: who this Relay/Server
 * is, who the peer is, which ids to assign, what time it is, which versions to write. Immutable;
 * made with {@link #builder()}. One context usually serves one message (it holds that message's
 * Relay/Server-assigned id, sender and content location); {@link #toBuilder()} derives the next.
 *
 * <p>Nothing here is read from the network or the system clock directly: the clock and the
 * transaction-id generator are given, so conversions are reproducible in tests.
 */
public final class ConversionContext {

  private final Mm4Address originatorSystem;
  private final String localDomain;
  private final String recipientDomain;
  private final String messageId;
  private final Supplier<String> transactionIds;
  private final Clock clock;
  private final Mm4Version mm4Version;
  private final MmsVersion mmsVersion;
  private final Address senderAddress;
  private final Address originalSender;
  private final String contentLocation;
  private final Long messageSize;
  private final Duration defaultExpiry;
  private final boolean ackRequest;
  private final boolean allow8bit;
  private final Predicate<Address> recipientSelector;

  private ConversionContext(Builder b) {
    this.originatorSystem = b.originatorSystem;
    this.localDomain = b.localDomain;
    this.recipientDomain = b.recipientDomain;
    this.messageId = b.messageId;
    this.transactionIds = b.transactionIds;
    this.clock = b.clock;
    this.mm4Version = b.mm4Version;
    this.mmsVersion = b.mmsVersion;
    this.senderAddress = b.senderAddress;
    this.originalSender = b.originalSender;
    this.contentLocation = b.contentLocation;
    this.messageSize = b.messageSize;
    this.defaultExpiry = b.defaultExpiry;
    this.ackRequest = b.ackRequest;
    this.allow8bit = b.allow8bit;
    this.recipientSelector = b.recipientSelector;
  }

  /** @return a builder with the defaults (see each setter) */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding this context's values */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.originatorSystem = originatorSystem;
    b.localDomain = localDomain;
    b.recipientDomain = recipientDomain;
    b.messageId = messageId;
    b.transactionIds = transactionIds;
    b.clock = clock;
    b.mm4Version = mm4Version;
    b.mmsVersion = mmsVersion;
    b.senderAddress = senderAddress;
    b.originalSender = originalSender;
    b.contentLocation = contentLocation;
    b.messageSize = messageSize;
    b.defaultExpiry = defaultExpiry;
    b.ackRequest = ackRequest;
    b.allow8bit = allow8bit;
    b.recipientSelector = recipientSelector;
    return b;
  }

  /** @return X-Mms-Originator-System of MM4 requests this MMSE sends (where responses go) */
  public Optional<Mm4Address> originatorSystem() {
    return Optional.ofNullable(originatorSystem);
  }

  /** @return this MMSE's domain, e.g. {@code mms.mnc002.mcc262.gprs} (mail Message-IDs) */
  public Optional<String> localDomain() {
    return Optional.ofNullable(localDomain);
  }

  /** @return the recipient MMSE's domain, which qualifies PLMN recipients in RCPT TO */
  public Optional<String> recipientDomain() {
    return Optional.ofNullable(recipientDomain);
  }

  /** @return the Message-ID this Relay/Server assigned to the MM */
  public Optional<String> messageId() {
    return Optional.ofNullable(messageId);
  }

  /** @return a new transaction id from the generator */
  public String nextTransactionId() {
    String id = transactionIds.get();
    if (id == null || id.isEmpty()) {
      throw new IllegalStateException(
          "the transaction-id generator returned " + (id == null ? "null" : "\"\""));
    }
    return id;
  }

  /** @return the clock: submission dates and relative times are counted from it */
  public Clock clock() {
    return clock;
  }

  /** @return the X-Mms-3GPP-MMS-Version written on MM4 messages */
  public Mm4Version mm4Version() {
    return mm4Version;
  }

  /** @return the X-Mms-MMS-Version written on binary PDUs */
  public MmsVersion mmsVersion() {
    return mmsVersion;
  }

  /**
   * @return the real address of whoever sent the PDU being converted over MM1 (it replaces the
   *     insert-address token of From)
   */
  public Optional<Address> senderAddress() {
    return Optional.ofNullable(senderAddress);
  }

  /**
   * @return the original sender of the MM a report is about (To of an MM4 delivery report made
   *     from an m-delivery-ind, which does not carry it)
   */
  public Optional<Address> originalSender() {
    return Optional.ofNullable(originalSender);
  }

  /** @return X-Mms-Content-Location of notifications: where the recipient fetches the MM */
  public Optional<String> contentLocation() {
    return Optional.ofNullable(contentLocation);
  }

  /** @return X-Mms-Message-Size of notifications, when known */
  public Optional<Long> messageSize() {
    return Optional.ofNullable(messageSize);
  }

  /** @return the expiry of a notification whose MM4 message carries none */
  public Duration defaultExpiry() {
    return defaultExpiry;
  }

  /** @return X-Mms-Ack-Request on MM4 requests: whether an MM4 *.RES is asked for */
  public boolean ackRequest() {
    return ackRequest;
  }

  /** @return whether text parts may travel as 8bit (only when the peer offers 8BITMIME) */
  public boolean allow8bit() {
    return allow8bit;
  }

  /** @return whether a recipient of the MM is served by the recipient MMSE (gets RCPT TO) */
  public boolean isRoutedToRecipientMmse(Address recipient) {
    return recipientSelector.test(recipient);
  }

  /** Builds a {@link ConversionContext}. */
  public static final class Builder {
    private Mm4Address originatorSystem;
    private String localDomain;
    private String recipientDomain;
    private String messageId;
    private Supplier<String> transactionIds = counter();
    private Clock clock = Clock.systemUTC();
    private Mm4Version mm4Version = Mm4Version.V6_8_0;
    private MmsVersion mmsVersion = MmsVersion.V1_2;
    private Address senderAddress;
    private Address originalSender;
    private String contentLocation;
    private Long messageSize;
    private Duration defaultExpiry = Duration.ofDays(7);
    private boolean ackRequest = true;
    private boolean allow8bit;
    private Predicate<Address> recipientSelector = a -> true;

    private Builder() {}

    private static Supplier<String> counter() {
      AtomicLong n = new AtomicLong();
      return () -> "T" + Long.toHexString(n.incrementAndGet());
    }

    /** Sets X-Mms-Originator-System, e.g. {@code system-user@mms.mnc002.mcc262.gprs} (must be qualified). */
    public Builder originatorSystem(Mm4Address v) {
      Objects.requireNonNull(v, "originatorSystem");
      if (v.domain().isEmpty()) {
        throw new IllegalArgumentException(
            "originatorSystem: " + v + " (expected: an address with a domain)");
      }
      this.originatorSystem = v;
      return this;
    }

    /** Sets this MMSE's domain. */
    public Builder localDomain(String v) {
      this.localDomain = domain("localDomain", v);
      return this;
    }

    /** Sets the recipient MMSE's domain. */
    public Builder recipientDomain(String v) {
      this.recipientDomain = domain("recipientDomain", v);
      return this;
    }

    /** Sets the Relay/Server-assigned Message-ID of the MM. */
    public Builder messageId(String v) {
      Objects.requireNonNull(v, "messageId");
      if (v.isBlank()) {
        throw new IllegalArgumentException("messageId: \"" + v + "\" (expected: non-blank)");
      }
      this.messageId = v;
      return this;
    }

    /** Sets the transaction-id generator (default: {@code T1}, {@code T2}, ... per context). */
    public Builder transactionIds(Supplier<String> v) {
      this.transactionIds = Objects.requireNonNull(v, "transactionIds");
      return this;
    }

    /** Sets the clock (default: the system UTC clock). */
    public Builder clock(Clock v) {
      this.clock = Objects.requireNonNull(v, "clock");
      return this;
    }

    /** Sets the 3GPP version written on MM4 messages (default 6.8.0). */
    public Builder mm4Version(Mm4Version v) {
      this.mm4Version = Objects.requireNonNull(v, "mm4Version");
      return this;
    }

    /** Sets the MMS version written on binary PDUs (default 1.2); fields newer than it are left out. */
    public Builder mmsVersion(MmsVersion v) {
      this.mmsVersion = Objects.requireNonNull(v, "mmsVersion");
      return this;
    }

    /** Sets the real address of the PDU's sender (replaces the insert-address token). */
    public Builder senderAddress(Address v) {
      this.senderAddress = Objects.requireNonNull(v, "senderAddress");
      return this;
    }

    /** Sets the original sender of the MM a delivery report is about. */
    public Builder originalSender(Address v) {
      this.originalSender = Objects.requireNonNull(v, "originalSender");
      return this;
    }

    /** Sets the content location written on notifications. */
    public Builder contentLocation(String v) {
      Objects.requireNonNull(v, "contentLocation");
      if (v.isBlank()) {
        throw new IllegalArgumentException("contentLocation: \"\" (expected: a URI)");
      }
      this.contentLocation = v;
      return this;
    }

    /** Sets the message size written on notifications (default: the size of the MM's content). */
    public Builder messageSize(long v) {
      if (v < 0) {
        throw new IllegalArgumentException("messageSize: " + v + " (expected: >= 0)");
      }
      this.messageSize = v;
      return this;
    }

    /** Sets the expiry of notifications whose MM carries none (default 7 days). */
    public Builder defaultExpiry(Duration v) {
      Objects.requireNonNull(v, "defaultExpiry");
      if (v.isNegative() || v.isZero()) {
        throw new IllegalArgumentException("defaultExpiry: " + v + " (expected: positive)");
      }
      this.defaultExpiry = v;
      return this;
    }

    /** Sets X-Mms-Ack-Request on MM4 requests (default yes). */
    public Builder ackRequest(boolean v) {
      this.ackRequest = v;
      return this;
    }

    /** Lets text parts travel as 8bit (default no: quoted-printable or base64). */
    public Builder allow8bit(boolean v) {
      this.allow8bit = v;
      return this;
    }

    /**
     * Says which recipients of an MM the recipient MMSE serves; only those get an RCPT TO. All
     * visible recipients stay in To and Cc either way. Default: every recipient.
     */
    public Builder recipientSelector(Predicate<Address> v) {
      this.recipientSelector = Objects.requireNonNull(v, "recipientSelector");
      return this;
    }

    /** @return the context */
    public ConversionContext build() {
      return new ConversionContext(this);
    }

    private static String domain(String what, String v) {
      Objects.requireNonNull(v, what);
      // Mm4Address checks the characters a domain may hold; reuse it rather than a second rule.
      Mm4Address.of(null, "x", null, v);
      return v;
    }
  }
}
