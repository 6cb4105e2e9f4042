package org.mmsstack.mm4;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.mm4.internal.Values;
import org.mmsstack.mm4.mime.MimeEntity;
import org.mmsstack.mm4.value.MmStatusCode;
import org.mmsstack.mm4.value.YesNo;

/**
 * MM4_delivery_report.REQ: what became of an MM at one recipient; From is that recipient, To the original sender. Required: version, transaction id, X-Mms-Message-ID (of the MM), From, To, Date, X-Mms-MM-Status-Code and Message-ID.
 *
 * <p>Immutable and thread-safe; ownership of a decoded message's bytes is described in {@link
 * Mm4Message}. Build one with {@link #builder()}; change a copy with {@link #toBuilder()} (its
 * builder is not thread-safe).
 */
public final class Mm4DeliveryReportReq extends AbstractMm4Message implements Mm4Message {

  Mm4DeliveryReportReq(MimeEntity root) {
    super(root, List.of());
  }

  Mm4DeliveryReportReq(MimeEntity root, List<Finding> findings) {
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
    return Mm4MessageType.DELIVERY_REPORT_REQ;
  }

  /** @return X-Mms-Ack-Request */
  public Optional<YesNo> ackRequest() {
    return ackRequest0();
  }

  /** @return X-Mms-MM-Status-Code */
  public Optional<MmStatusCode> mmStatusCode() {
    return headers().first(Mm4HeaderNames.MM_STATUS_CODE).flatMap(MmStatusCode::fromToken);
  }

  /** @return X-Mms-MM-Status-Extension (Rel-6, free text) */
  public Optional<String> mmStatusExtension() {
    return Values.text(headers(), Mm4HeaderNames.MM_STATUS_EXTENSION);
  }

  /** @return X-Mms-Status-Text, RFC 2047 encoded words decoded */
  public Optional<String> statusText() {
    return statusText0();
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

  /** Builds a {@link Mm4DeliveryReportReq}. */
  public static final class Builder extends Mm4MessageBuilder<Builder, Mm4DeliveryReportReq> {

    Builder() {
      super(Mm4MessageType.DELIVERY_REPORT_REQ);
    }

    Builder(Mm4DeliveryReportReq from) {
      super(Mm4MessageType.DELIVERY_REPORT_REQ, from);
    }

    /** Sets X-Mms-Ack-Request. */
    public Builder ackRequest(YesNo v) {
      return setAscii(Mm4HeaderNames.ACK_REQUEST, Objects.requireNonNull(v, "ackRequest").token());
    }

    /** Sets X-Mms-MM-Status-Code. */
    public Builder mmStatusCode(MmStatusCode v) {
      return setAscii(
          Mm4HeaderNames.MM_STATUS_CODE, Objects.requireNonNull(v, "mmStatusCode").token());
    }

    /** Sets X-Mms-MM-Status-Extension. */
    public Builder mmStatusExtension(String v) {
      return set(Mm4HeaderNames.MM_STATUS_EXTENSION, Values.formatText("mmStatusExtension", v));
    }

    /** Sets X-Mms-Status-Text (RFC 2047-encoded when not plain US-ASCII). */
    public Builder statusText(String v) {
      return set(Mm4HeaderNames.STATUS_TEXT, Values.formatText("statusText", v));
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

    @Override
    Mm4DeliveryReportReq create(MimeEntity root) {
      return new Mm4DeliveryReportReq(root);
    }
  }
}
