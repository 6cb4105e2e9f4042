package org.mmsstack.mm4;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.value.ContentClass;
import org.mmsstack.encapsulation.value.MessageClass;
import org.mmsstack.encapsulation.value.Priority;
import org.mmsstack.encapsulation.value.SenderVisibility;
import org.mmsstack.mm4.internal.Values;
import org.mmsstack.mm4.mime.MimeEntity;
import org.mmsstack.mm4.value.PreviouslySentBy;
import org.mmsstack.mm4.value.PreviouslySentDate;
import org.mmsstack.mm4.value.YesNo;

/**
 * MM4_forward.REQ: an MM forwarded from the originator MMSE to the recipient MMSE. Required: version, transaction id, X-Mms-Message-ID, To or Cc, From, Date, X-Mms-Originator-System, Message-ID, MIME-Version and content.
 *
 * <p>Immutable and thread-safe; ownership of a decoded message's bytes is described in {@link
 * Mm4Message}. Build one with {@link #builder()}; change a copy with {@link #toBuilder()} (its
 * builder is not thread-safe).
 */
public final class Mm4ForwardReq extends AbstractMm4Message implements Mm4Message {

  Mm4ForwardReq(MimeEntity root) {
    super(root, List.of());
  }

  Mm4ForwardReq(MimeEntity root, List<Finding> findings) {
    super(root, findings);
  }

  /** @return a builder for a new message */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding this message; unchanged fields keep their raw bytes */
  @Override
  public Builder toBuilder() {
    return new Builder(this);
  }

  @Override
  public Mm4MessageType messageType() {
    return Mm4MessageType.FORWARD_REQ;
  }

  /** @return X-Mms-Expiry */
  public Optional<OffsetDateTime> expiry() {
    return Values.date(headers(), Mm4HeaderNames.EXPIRY);
  }

  /** @return X-Mms-Delivery-Report */
  public Optional<YesNo> deliveryReport() {
    return Values.yesNo(headers(), Mm4HeaderNames.DELIVERY_REPORT);
  }

  /** @return X-Mms-Priority */
  public Optional<Priority> priority() {
    return headers().first(Mm4HeaderNames.PRIORITY).flatMap(v -> Values.token(v, Priority::byName));
  }

  /** @return X-Mms-Sender-Visibility */
  public Optional<SenderVisibility> senderVisibility() {
    return headers()
        .first(Mm4HeaderNames.SENDER_VISIBILITY)
        .flatMap(v -> Values.token(v, SenderVisibility::byName));
  }

  /** @return X-Mms-Read-Reply */
  public Optional<YesNo> readReply() {
    return Values.yesNo(headers(), Mm4HeaderNames.READ_REPLY);
  }

  /** @return X-Mms-Ack-Request */
  public Optional<YesNo> ackRequest() {
    return ackRequest0();
  }

  /** @return X-Mms-Forward-Counter */
  public Optional<Integer> forwardCounter() {
    return headers().first(Mm4HeaderNames.FORWARD_COUNTER).flatMap(Values::counter);
  }

  /** @return X-Mms-Previously-sent-by entries (unreadable ones skipped) */
  public List<PreviouslySentBy> previouslySentBy() {
    return headers().all(Mm4HeaderNames.PREVIOUSLY_SENT_BY).stream()
        .map(Values::previouslySentBy)
        .flatMap(Optional::stream)
        .collect(java.util.stream.Collectors.toUnmodifiableList());
  }

  /** @return X-Mms-Previously-sent-date-and-time entries (unreadable ones skipped) */
  public List<PreviouslySentDate> previouslySentDate() {
    return headers().all(Mm4HeaderNames.PREVIOUSLY_SENT_DATE).stream()
        .map(Values::previouslySentDate)
        .flatMap(Optional::stream)
        .collect(java.util.stream.Collectors.toUnmodifiableList());
  }

  /** @return X-Mms-Applic-ID */
  public Optional<String> applicId() {
    return Values.text(headers(), Mm4HeaderNames.APPLIC_ID);
  }

  /** @return X-Mms-Reply-Applic-ID */
  public Optional<String> replyApplicId() {
    return Values.text(headers(), Mm4HeaderNames.REPLY_APPLIC_ID);
  }

  /** @return X-Mms-Aux-Applic-Info */
  public Optional<String> auxApplicInfo() {
    return Values.text(headers(), Mm4HeaderNames.AUX_APPLIC_INFO);
  }

  /** @return X-Mms-Content-Class */
  public Optional<ContentClass> contentClass() {
    return headers()
        .first(Mm4HeaderNames.CONTENT_CLASS)
        .flatMap(v -> Values.token(v, ContentClass::byName));
  }

  /** @return X-Mms-DRM-Content */
  public Optional<YesNo> drmContent() {
    return Values.yesNo(headers(), Mm4HeaderNames.DRM_CONTENT);
  }

  /** @return X-Mms-Adaptation-Allowed */
  public Optional<YesNo> adaptationAllowed() {
    return Values.yesNo(headers(), Mm4HeaderNames.ADAPTATION_ALLOWED);
  }

  /** Builds a {@link Mm4ForwardReq}. */
  public static final class Builder extends Mm4MessageBuilder<Builder, Mm4ForwardReq> {

    Builder() {
      super(Mm4MessageType.FORWARD_REQ);
    }

    Builder(Mm4ForwardReq from) {
      super(Mm4MessageType.FORWARD_REQ, from);
    }

    /** Sets X-Mms-Message-Class. */
    public Builder messageClass(MessageClass v) {
      return set(
          Mm4HeaderNames.MESSAGE_CLASS,
          Values.formatMessageClass(Objects.requireNonNull(v, "messageClass")));
    }

    /** Sets X-Mms-Expiry (an absolute date). */
    public Builder expiry(OffsetDateTime v) {
      return setAscii(
          Mm4HeaderNames.EXPIRY, Values.formatDate(Objects.requireNonNull(v, "expiry")));
    }

    /** Sets X-Mms-Delivery-Report. */
    public Builder deliveryReport(YesNo v) {
      return setAscii(
          Mm4HeaderNames.DELIVERY_REPORT, Objects.requireNonNull(v, "deliveryReport").token());
    }

    /** Sets X-Mms-Priority. */
    public Builder priority(Priority v) {
      return setAscii(
          Mm4HeaderNames.PRIORITY,
          Values.formatToken("priority", Objects.requireNonNull(v, "priority")));
    }

    /** Sets X-Mms-Sender-Visibility. */
    public Builder senderVisibility(SenderVisibility v) {
      return setAscii(
          Mm4HeaderNames.SENDER_VISIBILITY,
          Values.formatToken("senderVisibility", Objects.requireNonNull(v, "senderVisibility")));
    }

    /** Sets X-Mms-Read-Reply. */
    public Builder readReply(YesNo v) {
      return setAscii(Mm4HeaderNames.READ_REPLY, Objects.requireNonNull(v, "readReply").token());
    }

    /** Sets X-Mms-Ack-Request. */
    public Builder ackRequest(YesNo v) {
      return setAscii(Mm4HeaderNames.ACK_REQUEST, Objects.requireNonNull(v, "ackRequest").token());
    }

    /** Sets X-Mms-Forward-Counter (0 or more). */
    public Builder forwardCounter(int v) {
      return setAscii(Mm4HeaderNames.FORWARD_COUNTER, Integer.toString(requireCounter(v)));
    }

    /** Sets the X-Mms-Previously-sent-by entries, one field each. */
    public Builder previouslySentBy(List<PreviouslySentBy> v) {
      return setAll(
          Mm4HeaderNames.PREVIOUSLY_SENT_BY,
          Objects.requireNonNull(v, "previouslySentBy").stream()
              .map(e -> e.index() + ", " + e.address().toHeaderValue())
              .collect(java.util.stream.Collectors.toList()));
    }

    /** Sets the X-Mms-Previously-sent-date-and-time entries, one field each. */
    public Builder previouslySentDate(List<PreviouslySentDate> v) {
      return setAll(
          Mm4HeaderNames.PREVIOUSLY_SENT_DATE,
          Objects.requireNonNull(v, "previouslySentDate").stream()
              .map(e -> e.index() + ", " + Values.formatDate(e.date()))
              .collect(java.util.stream.Collectors.toList()));
    }

    /** Sets X-Mms-Applic-ID. */
    public Builder applicId(String v) {
      return set(Mm4HeaderNames.APPLIC_ID, Values.formatText("applicId", v));
    }

    /** Sets X-Mms-Reply-Applic-ID. */
    public Builder replyApplicId(String v) {
      return set(Mm4HeaderNames.REPLY_APPLIC_ID, Values.formatText("replyApplicId", v));
    }

    /** Sets X-Mms-Aux-Applic-Info. */
    public Builder auxApplicInfo(String v) {
      return set(Mm4HeaderNames.AUX_APPLIC_INFO, Values.formatText("auxApplicInfo", v));
    }

    /** Sets X-Mms-Content-Class. */
    public Builder contentClass(ContentClass v) {
      return setAscii(
          Mm4HeaderNames.CONTENT_CLASS,
          Values.formatToken("contentClass", Objects.requireNonNull(v, "contentClass")));
    }

    /** Sets X-Mms-DRM-Content. */
    public Builder drmContent(YesNo v) {
      return setAscii(Mm4HeaderNames.DRM_CONTENT, Objects.requireNonNull(v, "drmContent").token());
    }

    /** Sets X-Mms-Adaptation-Allowed. */
    public Builder adaptationAllowed(YesNo v) {
      return setAscii(
          Mm4HeaderNames.ADAPTATION_ALLOWED,
          Objects.requireNonNull(v, "adaptationAllowed").token());
    }

    private static int requireCounter(int v) {
      if (v < 0) {
        throw new IllegalArgumentException("forwardCounter: " + v + " (expected: >= 0)");
      }
      return v;
    }

    @Override
    Mm4ForwardReq create(MimeEntity root) {
      return new Mm4ForwardReq(root);
    }
  }
}
