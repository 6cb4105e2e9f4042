package org.mmsstack.mm4;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.mm4.internal.Values;
import org.mmsstack.mm4.mime.MimeEntity;
import org.mmsstack.mm4.value.RequestStatusCode;

/**
 * MM4_delivery_report.RES: the answer to an MM4_delivery_report.REQ. Required: version, transaction id, X-Mms-Message-ID and X-Mms-Request-Status-Code.
 *
 * <p>Immutable and thread-safe; ownership of a decoded message's bytes is described in {@link
 * Mm4Message}. Build one with {@link #builder()}; change a copy with {@link #toBuilder()} (its
 * builder is not thread-safe).
 */
public final class Mm4DeliveryReportRes extends AbstractMm4Message implements Mm4Message {

  Mm4DeliveryReportRes(MimeEntity root) {
    super(root, List.of());
  }

  Mm4DeliveryReportRes(MimeEntity root, List<Finding> findings) {
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
    return Mm4MessageType.DELIVERY_REPORT_RES;
  }

  /** @return X-Mms-Request-Status-Code */
  public Optional<RequestStatusCode> requestStatusCode() {
    return requestStatusCode0();
  }

  /** @return X-Mms-Status-Text, RFC 2047 encoded words decoded */
  public Optional<String> statusText() {
    return statusText0();
  }

  /** Builds a {@link Mm4DeliveryReportRes}. */
  public static final class Builder extends Mm4MessageBuilder<Builder, Mm4DeliveryReportRes> {

    Builder() {
      super(Mm4MessageType.DELIVERY_REPORT_RES);
    }

    Builder(Mm4DeliveryReportRes from) {
      super(Mm4MessageType.DELIVERY_REPORT_RES, from);
    }

    /** Sets X-Mms-Request-Status-Code. */
    public Builder requestStatusCode(RequestStatusCode v) {
      return set(
          Mm4HeaderNames.REQUEST_STATUS_CODE,
          Objects.requireNonNull(v, "requestStatusCode").token());
    }

    /** Sets X-Mms-Status-Text (RFC 2047-encoded when not plain US-ASCII). */
    public Builder statusText(String v) {
      return set(Mm4HeaderNames.STATUS_TEXT, Values.formatText("statusText", v));
    }

    @Override
    Mm4DeliveryReportRes create(MimeEntity root) {
      return new Mm4DeliveryReportRes(root);
    }
  }
}
