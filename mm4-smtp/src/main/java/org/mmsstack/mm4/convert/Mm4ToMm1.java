package org.mmsstack.mm4.convert;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.mmsstack.encapsulation.DeliveryInd;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.HeaderField;
import org.mmsstack.encapsulation.MessageType;
import org.mmsstack.encapsulation.MmsVersion;
import org.mmsstack.encapsulation.NotificationInd;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduRules;
import org.mmsstack.encapsulation.ReadOrigInd;
import org.mmsstack.encapsulation.RetrieveConf;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.EncodedString;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.MessageClass;
import org.mmsstack.encapsulation.value.SenderVisibility;
import org.mmsstack.encapsulation.value.TimeValue;
import org.mmsstack.mm4.Mm4DeliveryReportReq;
import org.mmsstack.mm4.Mm4ForwardReq;
import org.mmsstack.mm4.Mm4HeaderNames;
import org.mmsstack.mm4.Mm4Message;
import org.mmsstack.mm4.Mm4ReadReplyReportReq;
import org.mmsstack.mm4.mime.MimeEntity;
import org.mmsstack.mm4.mime.Mm4Header;
import org.mmsstack.mm4.value.Mm4Address;
import org.mmsstack.mm4.value.MmStatusCode;
import org.mmsstack.mm4.value.PreviouslySentBy;
import org.mmsstack.mm4.value.PreviouslySentDate;

/**
 * MM4 to MM1: what the recipient MMS Relay/Server makes of an MM4 request for its own MM1
 * clients (3GPP TS 23.140 §8.4, OMA MMS Encapsulation §6).
 *
 * <ul>
 *   <li>MM4_forward.REQ to the m-notification-ind that announces the MM ({@link
 *       #notificationInd}) and the m-retrieve-conf that delivers it ({@link #retrieveConf});
 *   <li>MM4_delivery_report.REQ to m-delivery-ind ({@link #deliveryInd});
 *   <li>MM4_read_reply_report.REQ to m-read-orig-ind ({@link #readOrigInd}).
 * </ul>
 *
 * <p>The PDUs get the context's MMS version; a field the target PDU type does not carry, or not
 * in that version (PduRules), is left out with a finding ({@link Conversion#notes()}). When the MM4 message
 * says {@code X-Mms-Sender-Visibility: Hide}, From is withheld from the recipient's PDUs, as the
 * recipient Relay/Server must. Mail headers starting {@code X-} that MM4 does not define travel
 * as application headers of the same name.
 */
public final class Mm4ToMm1 {

  private Mm4ToMm1() {}

  /**
   * An MM4 address as the MMS address the conversions write: a typed address loses the domain
   * that routed it ({@code +4912345678/TYPE=PLMN@mms.example.net} becomes {@code
   * +4912345678/TYPE=PLMN}); an e-mail address keeps its display name.
   *
   * @param address an address of an MM4 message or envelope
   * @return the MM1 form
   */
  public static Address address(Mm4Address address) {
    return HeaderText.toBinary(Objects.requireNonNull(address, "address"));
  }

  /**
   * The m-notification-ind announcing a forwarded MM: Message-Class (Personal when absent, as
   * the notification requires one), Message-Size (the context's, else the size of the MM's
   * data), Expiry (the MM4 date as an absolute value, else the context's default as a relative
   * one), Content-Location (the context's), From, Subject, Delivery-Report, Priority and the
   * Rel-6 elements the version allows.
   *
   * @throws ConversionException when the context has no content location
   */
  public static Conversion<NotificationInd> notificationInd(
      Mm4ForwardReq fwd, ConversionContext ctx) throws ConversionException {
    List<Finding> notes = new ArrayList<>();
    NotificationInd.Builder b = NotificationInd.builder();
    Fields f = new Fields(b, MessageType.NOTIFICATION_IND, ctx.mmsVersion(), notes);
    b.transactionId(ctx.nextTransactionId());
    b.mmsVersion(ctx.mmsVersion());
    f.require(HeaderField.MESSAGE_CLASS, fwd.messageClass().orElse(MessageClass.PERSONAL));
    f.put(HeaderField.MESSAGE_SIZE, ctx.messageSize().orElseGet(() -> dataSize(fwd.content())));
    Optional<OffsetDateTime> expiry = fwd.expiry();
    f.put(
        HeaderField.EXPIRY,
        expiry.isPresent()
            ? ValueMapping.timeValue(expiry.get())
            : TimeValue.relative(ctx.defaultExpiry()));
    f.put(
        HeaderField.CONTENT_LOCATION,
        ctx.contentLocation()
            .orElseThrow(
                () ->
                    ConversionException.missing(
                        "X-Mms-Content-Location",
                        "where the MM is fetched (ConversionContext.contentLocation)")));
    from(fwd, f);
    subject(fwd, f);
    fwd.deliveryReport().ifPresent(v -> f.put(HeaderField.DELIVERY_REPORT, ValueMapping.yesNo(v)));
    fwd.priority().ifPresent(p -> f.put(HeaderField.PRIORITY, p));
    rel6(fwd, f);
    extensions(fwd, f);
    return new Conversion<>(b.build(), notes);
  }

  /**
   * The m-retrieve-conf delivering a forwarded MM: Message-ID (X-Mms-Message-ID), Date, From,
   * To, Cc, Subject, Message-Class, Priority, Delivery-Report, Read-Report (X-Mms-Read-Reply),
   * Previously-Sent-By/-Date, the Rel-6 elements the version allows, and the MIME content as a
   * binary body ({@link BodyConversion}). No Transaction-ID: add one when an
   * m-acknowledge-ind is wanted.
   *
   * @throws ConversionException when X-Mms-Message-ID is absent or the content cannot be written
   */
  public static Conversion<RetrieveConf> retrieveConf(Mm4ForwardReq fwd, ConversionContext ctx)
      throws ConversionException {
    List<Finding> notes = new ArrayList<>();
    RetrieveConf.Builder b = RetrieveConf.builder();
    Fields f = new Fields(b, MessageType.RETRIEVE_CONF, ctx.mmsVersion(), notes);
    b.mmsVersion(ctx.mmsVersion());
    f.put(
        HeaderField.MESSAGE_ID,
        fwd.messageId()
            .orElseThrow(
                () ->
                    ConversionException.missing(
                        Mm4HeaderNames.MESSAGE_ID, "absent from the MM4_forward.REQ")));
    f.put(HeaderField.DATE, pduDate(fwd.date(), ctx));
    from(fwd, f);
    for (Mm4Address a : fwd.to()) {
      f.add(HeaderField.TO, HeaderText.toBinary(a));
    }
    for (Mm4Address a : fwd.cc()) {
      f.add(HeaderField.CC, HeaderText.toBinary(a));
    }
    subject(fwd, f);
    fwd.messageClass().ifPresent(c -> f.put(HeaderField.MESSAGE_CLASS, c));
    fwd.priority().ifPresent(p -> f.put(HeaderField.PRIORITY, p));
    fwd.deliveryReport().ifPresent(v -> f.put(HeaderField.DELIVERY_REPORT, ValueMapping.yesNo(v)));
    fwd.readReply().ifPresent(v -> f.put(HeaderField.READ_REPORT, ValueMapping.yesNo(v)));
    for (PreviouslySentBy p : fwd.previouslySentBy()) {
      f.add(
          HeaderField.PREVIOUSLY_SENT_BY,
          new org.mmsstack.encapsulation.value.PreviouslySentBy(
              p.index(), HeaderText.toBinary(p.address())));
    }
    for (PreviouslySentDate p : fwd.previouslySentDate()) {
      f.add(
          HeaderField.PREVIOUSLY_SENT_DATE,
          new org.mmsstack.encapsulation.value.PreviouslySentDate(p.index(), p.date().toInstant()));
    }
    rel6(fwd, f);
    extensions(fwd, f);
    BinaryContent content = BodyConversion.toBinary(fwd.content(), notes);
    b.body(content.contentType(), content.body());
    return new Conversion<>(b.build(), notes);
  }

  /**
   * The m-delivery-ind for the original sender: Message-ID, To = the recipient the report is
   * about (the MM4 From), Date, Status through {@link ValueMapping#status(MmStatusCode)}, and
   * Status-Text and application ids where the version allows.
   *
   * @throws ConversionException when X-Mms-Message-ID, From or X-Mms-MM-Status-Code is absent
   *     or unreadable
   */
  public static Conversion<DeliveryInd> deliveryInd(Mm4DeliveryReportReq rep, ConversionContext ctx)
      throws ConversionException {
    List<Finding> notes = new ArrayList<>();
    DeliveryInd.Builder b = DeliveryInd.builder();
    Fields f = new Fields(b, MessageType.DELIVERY_IND, ctx.mmsVersion(), notes);
    b.mmsVersion(ctx.mmsVersion());
    f.put(
        HeaderField.MESSAGE_ID,
        rep.messageId()
            .orElseThrow(
                () ->
                    ConversionException.missing(
                        Mm4HeaderNames.MESSAGE_ID, "absent from the MM4_delivery_report.REQ")));
    f.add(
        HeaderField.TO,
        HeaderText.toBinary(
            rep.from()
                .orElseThrow(
                    () ->
                        ConversionException.missing("From", "the recipient the report is about"))));
    f.put(HeaderField.DATE, pduDate(rep.date(), ctx));
    MmStatusCode code =
        rep.mmStatusCode()
            .orElseThrow(
                () ->
                    rep.header(Mm4HeaderNames.MM_STATUS_CODE).isPresent()
                        ? ConversionException.unrepresentable(
                            Mm4HeaderNames.MM_STATUS_CODE,
                            rep.header(Mm4HeaderNames.MM_STATUS_CODE).get(),
                            "is not an MM4 status token")
                        : ConversionException.missing(Mm4HeaderNames.MM_STATUS_CODE, "absent"));
    f.put(HeaderField.STATUS, ValueMapping.status(code));
    rep.header(Mm4HeaderNames.STATUS_TEXT)
        .ifPresent(t -> f.put(HeaderField.STATUS_TEXT, HeaderText.fromHeader(t)));
    applicIds(rep, f);
    extensions(rep, f);
    return new Conversion<>(b.build(), notes);
  }

  /**
   * The m-read-orig-ind for the original sender: Message-ID, To (the original sender), From
   * (the recipient who read it), Date, Read-Status, and application ids where the version
   * allows.
   */
  public static Conversion<ReadOrigInd> readOrigInd(
      Mm4ReadReplyReportReq rep, ConversionContext ctx) throws ConversionException {
    List<Finding> notes = new ArrayList<>();
    ReadOrigInd.Builder b = ReadOrigInd.builder();
    Fields f =
        new Fields(
            b,
            MessageType.READ_ORIG_IND,
            ctx.mmsVersion().compareTo(MmsVersion.V1_1) < 0 ? MmsVersion.V1_1 : ctx.mmsVersion(),
            notes);
    // m-read-orig-ind exists since MMS 1.1: an older context version cannot describe it.
    b.mmsVersion(f.version);
    f.put(
        HeaderField.MESSAGE_ID,
        rep.messageId()
            .orElseThrow(
                () ->
                    ConversionException.missing(
                        Mm4HeaderNames.MESSAGE_ID, "absent from the MM4_read_reply_report.REQ")));
    if (rep.to().isEmpty()) {
      throw ConversionException.missing("To", "the original sender");
    }
    for (Mm4Address a : rep.to()) {
      f.add(HeaderField.TO, HeaderText.toBinary(a));
    }
    f.put(
        HeaderField.FROM,
        FromValue.of(
            HeaderText.toBinary(
                rep.from()
                    .orElseThrow(
                        () ->
                            ConversionException.missing(
                                "From", "the recipient who read the MM")))));
    f.put(HeaderField.DATE, pduDate(rep.date(), ctx));
    f.put(
        HeaderField.READ_STATUS,
        rep.readStatus()
            .orElseThrow(
                () ->
                    ConversionException.missing(
                        Mm4HeaderNames.READ_STATUS, "absent or not an MM4 token")));
    applicIds(rep, f);
    extensions(rep, f);
    return new Conversion<>(b.build(), notes);
  }

  // ------------------------------------------------------------------ shared

  /** Writes a field when the PDU type carries it in the target version, else leaves a note. */
  private static final class Fields {
    final Pdu.Builder<?, ?> b;
    final MessageType type;
    final MmsVersion version;
    final List<Finding> notes;

    Fields(Pdu.Builder<?, ?> b, MessageType type, MmsVersion version, List<Finding> notes) {
      this.b = b;
      this.type = type;
      this.version = version;
      this.notes = notes;
    }

    boolean allowed(HeaderField<?> field) {
      PduRules.Rule r = PduRules.rule(type, field).orElse(null);
      if (r == null) {
        notes.add(Notes.dropped(field.name(), type.wireName() + " does not carry it: left out"));
        return false;
      }
      MmsVersion since = r.since();
      if (since.compareTo(version) > 0) {
        notes.add(
            Notes.dropped(
                field.name(), "needs MMS " + since + ", the PDU is " + version + ": left out"));
        return false;
      }
      return true;
    }

    <T> void put(HeaderField<T> field, T value) {
      if (allowed(field) && writable(field.name(), value)) {
        try {
          b.set(field, value);
        } catch (IllegalArgumentException refused) {
          refused(field, refused);
        }
      }
    }

    <T> void add(HeaderField<T> field, T value) {
      if (allowed(field) && writable(field.name(), value)) {
        try {
          b.add(field, value);
        } catch (IllegalArgumentException refused) {
          refused(field, refused);
        }
      }
    }

    /**
     * A value the PDU type requires: set, or, when the PDU builder refuses it, the conversion
     * fails ({@link ConversionException.Reason#UNREPRESENTABLE}), as for a required Date.
     */
    <T> void require(HeaderField<T> field, T value) throws ConversionException {
      try {
        b.set(field, value);
      } catch (IllegalArgumentException e) {
        throw ConversionException.unrepresentable(
            field.name(),
            String.valueOf(value),
            "cannot be sent in a PDU (" + e.getMessage() + ")");
      }
    }

    /**
     * An optional value the PDU builder refuses (one a WSP reader could not take back, as the
     * builders' rules say): left out with a note, as the checks here leave theirs.
     */
    private void refused(HeaderField<?> field, IllegalArgumentException e) {
      notes.add(Notes.dropped(field.name(), e.getMessage() + ": left out"));
    }

    /**
     * Whether a text value can be written as a WSP Text-string: mail from outside may hold a
     * NUL, or a control character at the start, which a reader of the PDU would take for a
     * length. Such a value is left out with a note.
     */
    boolean writable(String name, Object value) {
      String text =
          value instanceof String s ? s : value instanceof EncodedString e ? e.text() : null;
      if (text != null && !BodyConversion.isWspText(text)) {
        notes.add(Notes.dropped(name, "cannot be a WSP Text-string: left out"));
        return false;
      }
      // A mail date may be before 1970; a PDU's dates are seconds since then, never negative.
      Instant t =
          value instanceof Instant i
              ? i
              : value instanceof TimeValue v && !v.relative()
                  ? Instant.ofEpochSecond(v.seconds())
                  : value instanceof org.mmsstack.encapsulation.value.PreviouslySentDate p
                      ? p.date()
                      : null;
      if (t != null && t.getEpochSecond() < 0) {
        notes.add(Notes.dropped(name, t + " is before 1970, which a PDU cannot hold: left out"));
        return false;
      }
      return true;
    }
  }

  /**
   * The mail's Date (else now) as a PDU's Date, which counts seconds from 1970 and is mandatory
   * where it is carried: an earlier date cannot be converted.
   */
  private static Instant pduDate(Optional<OffsetDateTime> date, ConversionContext ctx)
      throws ConversionException {
    Instant t = date.map(OffsetDateTime::toInstant).orElseGet(() -> ctx.clock().instant());
    if (t.getEpochSecond() < 0) {
      throw ConversionException.unrepresentable(
          "Date", t.toString(), "is before 1970, which a PDU's Date cannot hold");
    }
    return t;
  }

  private static void from(Mm4ForwardReq fwd, Fields f) {
    if (fwd.senderVisibility().orElse(SenderVisibility.SHOW) == SenderVisibility.HIDE) {
      f.notes.add(Notes.withheld("From", "withheld: the sender asked to be hidden"));
      return;
    }
    fwd.from().ifPresent(a -> f.put(HeaderField.FROM, FromValue.of(HeaderText.toBinary(a))));
  }

  private static void subject(Mm4Message m, Fields f) {
    m.header(Mm4HeaderNames.SUBJECT)
        .ifPresent(s -> f.put(HeaderField.SUBJECT, HeaderText.fromHeader(s)));
  }

  private static void rel6(Mm4ForwardReq fwd, Fields f) {
    fwd.contentClass().ifPresent(c -> f.put(HeaderField.CONTENT_CLASS, c));
    fwd.drmContent().ifPresent(v -> f.put(HeaderField.DRM_CONTENT, ValueMapping.yesNo(v)));
    if (fwd.adaptationAllowed().isPresent()
        && PduRules.rule(f.type, HeaderField.ADAPTATION_ALLOWED).isPresent()) {
      f.put(HeaderField.ADAPTATION_ALLOWED, ValueMapping.yesNo(fwd.adaptationAllowed().get()));
    }
    applicIds(fwd, f);
  }

  private static void applicIds(Mm4Message m, Fields f) {
    m.header(Mm4HeaderNames.APPLIC_ID)
        .ifPresent(v -> f.put(HeaderField.APPLIC_ID, HeaderText.fromHeaderPlain(v)));
    m.header(Mm4HeaderNames.REPLY_APPLIC_ID)
        .ifPresent(v -> f.put(HeaderField.REPLY_APPLIC_ID, HeaderText.fromHeaderPlain(v)));
    m.header(Mm4HeaderNames.AUX_APPLIC_INFO)
        .ifPresent(v -> f.put(HeaderField.AUX_APPLIC_INFO, HeaderText.fromHeaderPlain(v)));
  }

  private static void extensions(Mm4Message m, Fields f) {
    for (Mm4Header h : m.headers()) {
      String n = h.name().toLowerCase(Locale.ROOT);
      if (n.startsWith("x-") && HeaderText.isFreeExtension(h.name())) {
        String v = HeaderText.fromHeaderPlain(h.value());
        if (f.writable(h.name(), v)) {
          f.b.applicationHeader(h.name(), v);
        }
      }
    }
  }

  private static long dataSize(MimeEntity e) {
    if (!e.isMultipart()) {
      return e.dataSize();
    }
    long n = 0;
    for (MimeEntity p : e.parts()) {
      n += dataSize(p);
    }
    return n;
  }
}
