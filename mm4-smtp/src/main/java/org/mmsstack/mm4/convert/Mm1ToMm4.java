package org.mmsstack.mm4.convert;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mmsstack.encapsulation.DeliveryInd;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.Header;
import org.mmsstack.encapsulation.HeaderField;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.ReadOrigInd;
import org.mmsstack.encapsulation.ReadRecInd;
import org.mmsstack.encapsulation.RetrieveConf;
import org.mmsstack.encapsulation.SendReq;
import org.mmsstack.encapsulation.value.Address;
import org.mmsstack.encapsulation.value.FromValue;
import org.mmsstack.encapsulation.value.MessageClass;
import org.mmsstack.encapsulation.value.ReadStatus;
import org.mmsstack.encapsulation.value.Status;
import org.mmsstack.encapsulation.value.TimeValue;
import org.mmsstack.mm4.Mm4DeliveryReportReq;
import org.mmsstack.mm4.Mm4ForwardReq;
import org.mmsstack.mm4.Mm4HeaderNames;
import org.mmsstack.mm4.Mm4MessageBuilder;
import org.mmsstack.mm4.Mm4ReadReplyReportReq;
import org.mmsstack.mm4.internal.Values;
import org.mmsstack.mm4.mime.MimeEntity;
import org.mmsstack.mm4.value.Mm4Address;
import org.mmsstack.mm4.value.MmStatusCode;
import org.mmsstack.mm4.value.PreviouslySentBy;
import org.mmsstack.mm4.value.PreviouslySentDate;
import org.mmsstack.mm4.value.YesNo;

/**
 * MM1 to MM4: what the originator MMS Relay/Server does with a binary PDU whose recipient lives
 * in another MMSE (3GPP TS 23.140 §8.4, with Mbuni's mapping as a second source).
 *
 * <ul>
 *   <li>m-send-req (or a stored m-retrieve-conf) to MM4_forward.REQ: {@link #forwardReq(SendReq,
 *       ConversionContext)};
 *   <li>m-delivery-ind to MM4_delivery_report.REQ: {@link #deliveryReportReq(DeliveryInd,
 *       ConversionContext)};
 *   <li>m-read-rec-ind (or m-read-orig-ind) to MM4_read_reply_report.REQ: {@link
 *       #readReplyReportReq(ReadRecInd, ConversionContext)}.
 * </ul>
 *
 * <p>Every MM4 request gets the context's 3GPP version, a fresh transaction id, the originator
 * system (as X-Mms-Originator-System and Sender), X-Mms-Ack-Request and a mail Message-ID made
 * from the transaction id and this MMSE's domain. Values go through {@link ValueMapping}.
 *
 * <p><b>Addresses.</b> To and Cc carry every visible recipient in the unqualified MM4 form the
 * captured operators use ({@code +4912345678/TYPE=PLMN}); the qualified form ({@code
 * ...@mms.mnc001.mcc262.gprs}) is the SMTP envelope's, returned in {@link
 * ForwardConversion#envelopeRecipients()} for the recipients the recipient MMSE serves (Bcc
 * included). Bcc never appears in a header; an MM with only Bcc recipients says {@code To:
 * undisclosed-recipients:;}. The insert-address token of From is replaced by the context's
 * {@link ConversionContext#senderAddress()}.
 *
 * <p><b>Not carried</b> (each leaves a finding ({@link Conversion#notes()})): reply charging (MM4 has no
 * reply-charging elements), MMBox fields (Store, MM-State, MM-Flags: the originator keeps them),
 * Retrieve-Status/-Text, Distribution-Indicator, Replace-ID and Delivery-Time (returned as {@link
 * ForwardConversion#deliveryTime()} instead). Application headers travel as mail headers of the
 * same name unless the name is one the mail itself uses.
 */
public final class Mm1ToMm4 {

  private Mm1ToMm4() {}

  /**
   * An MMS address as the MM4 address the conversions write in To, Cc and From: PLMN, IPv4, IPv6
   * and other bearer types keep their {@code /TYPE=} suffix and have no domain ({@code
   * +4912345678/TYPE=PLMN}); an e-mail address is parsed as RFC 5322, display name kept; a short
   * code is a bare local part.
   *
   * @param address the address of an MM1 PDU
   * @return the MM4 form
   * @throws ConversionException when MM4 cannot carry the address
   */
  public static Mm4Address address(Address address) throws ConversionException {
    return HeaderText.toMm4(Objects.requireNonNull(address, "address"), "address");
  }

  /**
   * Converts an m-send-req to the MM4_forward.REQ for the recipient MMSE.
   *
   * @param req the MM as submitted
   * @param ctx needs the originator system, the Relay/Server-assigned message id, the recipient
   *     MMSE's domain and (for the insert-address token) the sender's address
   * @return the message, its envelope recipients and notes
   * @throws ConversionException when something required is missing from the PDU and the context
   */
  public static ForwardConversion forwardReq(SendReq req, ConversionContext ctx)
      throws ConversionException {
    String id =
        ctx.messageId()
            .orElseThrow(
                () ->
                    ConversionException.missing(
                        Mm4HeaderNames.MESSAGE_ID,
                        "the Relay/Server-assigned id (ConversionContext.messageId)"));
    return forward(req, id, ctx);
  }

  /**
   * Converts a stored MM, as its m-retrieve-conf shows it, to an MM4_forward.REQ (Mbuni does this
   * when an MM is forwarded to another MMSE). Its own Message-ID is kept when it has one.
   */
  public static ForwardConversion forwardReq(RetrieveConf conf, ConversionContext ctx)
      throws ConversionException {
    Optional<String> own = conf.get(HeaderField.MESSAGE_ID).filter(s -> !s.isBlank());
    if (own.isPresent()) {
      carriedId(own.get());
    }
    String id =
        own.or(ctx::messageId)
            .orElseThrow(
                () ->
                    ConversionException.missing(
                        Mm4HeaderNames.MESSAGE_ID,
                        "the m-retrieve-conf has no Message-ID and the context none"));
    return forward(conf, id, ctx);
  }

  private static ForwardConversion forward(Pdu pdu, String messageId, ConversionContext ctx)
      throws ConversionException {
    List<Finding> notes = new ArrayList<>();
    Instant now = ctx.clock().instant();
    Mm4ForwardReq.Builder b = Mm4ForwardReq.builder();
    String tid = common(b, ctx);
    b.messageId(messageId);
    b.from(sender(pdu, ctx));

    String domain = ctx.recipientDomain().orElse(null);
    List<Mm4Address> envelope = new ArrayList<>();
    List<Mm4Address> to = recipients(pdu, HeaderField.TO, ctx, domain, envelope);
    List<Mm4Address> cc = recipients(pdu, HeaderField.CC, ctx, domain, envelope);
    recipients(pdu, HeaderField.BCC, ctx, domain, envelope);
    if (!to.isEmpty()) {
      b.to(to);
    }
    if (!cc.isEmpty()) {
      b.cc(cc);
    }
    if (to.isEmpty() && cc.isEmpty()) {
      if (pdu.getAll(HeaderField.BCC).isEmpty()) {
        throw ConversionException.missing("To", "the MM has no recipient");
      }
      // RFC 5322 §3.6.3: an empty group says there are recipients without naming them.
      b.header(Mm4HeaderNames.TO, "undisclosed-recipients:;");
    }
    if (envelope.isEmpty()) {
      throw ConversionException.missing(
          "To", "no recipient of the MM is served by the recipient MMSE");
    }

    b.date(mailDate(pdu.get(HeaderField.DATE).orElse(now)));
    pdu.get(HeaderField.SUBJECT)
        .ifPresent(s -> b.header(Mm4HeaderNames.SUBJECT, HeaderText.toHeader(s)));
    Optional<MessageClass> messageClass = pdu.get(HeaderField.MESSAGE_CLASS);
    if (messageClass.isPresent()) {
      try {
        b.messageClass(messageClass.get());
      } catch (IllegalArgumentException e) {
        // A Token-text class that is empty or spans lines: optional, dropped as an unknown
        // priority is.
        notes.add(
            Notes.dropped(
                "X-Mms-Message-Class",
                "\"" + messageClass.get() + "\" cannot be written: dropped"));
      }
    }
    Optional<TimeValue> expiry = pdu.get(HeaderField.EXPIRY);
    if (expiry.isPresent()) {
      mailDate(expiry.get(), now)
          .ifPresentOrElse(
              b::expiry,
              () ->
                  notes.add(
                      Notes.dropped(
                          "X-Mms-Expiry", expiry.get() + " is no date a mail can hold: dropped")));
    }
    pdu.get(HeaderField.DELIVERY_REPORT).ifPresent(v -> b.deliveryReport(ValueMapping.yesNo(v)));
    pdu.get(HeaderField.PRIORITY)
        .ifPresent(
            p ->
                ValueMapping.priority(p)
                    .ifPresentOrElse(
                        b::priority,
                        () ->
                            notes.add(
                                Notes.dropped(
                                    "X-Mms-Priority", "unknown value " + p + ": dropped"))));
    pdu.get(HeaderField.SENDER_VISIBILITY)
        .ifPresent(
            v ->
                ValueMapping.senderVisibility(v)
                    .ifPresentOrElse(
                        b::senderVisibility,
                        () ->
                            notes.add(
                                Notes.dropped(
                                    "X-Mms-Sender-Visibility",
                                    "unknown value " + v + ": dropped"))));
    pdu.get(HeaderField.READ_REPORT).ifPresent(v -> b.readReply(ValueMapping.yesNo(v)));

    List<org.mmsstack.encapsulation.value.PreviouslySentBy> by =
        pdu.getAll(HeaderField.PREVIOUSLY_SENT_BY);
    if (!by.isEmpty()) {
      List<PreviouslySentBy> out = new ArrayList<>(by.size());
      for (org.mmsstack.encapsulation.value.PreviouslySentBy e : by) {
        out.add(
            new PreviouslySentBy(
                index(e.forwardedCount()),
                HeaderText.toMm4(e.address(), "X-Mms-Previously-Sent-By")));
      }
      b.previouslySentBy(out);
      // TS 23.140: the forward counter says how often the MM was forwarded, one entry per hop.
      b.forwardCounter(by.size());
    }
    List<org.mmsstack.encapsulation.value.PreviouslySentDate> dates =
        pdu.getAll(HeaderField.PREVIOUSLY_SENT_DATE);
    if (!dates.isEmpty()) {
      List<PreviouslySentDate> out = new ArrayList<>(dates.size());
      for (org.mmsstack.encapsulation.value.PreviouslySentDate e : dates) {
        Optional<OffsetDateTime> d = mailDate(TimeValue.absolute(e.date()), now);
        if (d.isPresent()) {
          out.add(new PreviouslySentDate(index(e.forwardedCount()), d.get()));
        } else {
          notes.add(
              Notes.dropped(
                  "X-Mms-Previously-Sent-Date", e.date() + " is no date a mail can hold: dropped"));
        }
      }
      if (!out.isEmpty()) {
        b.previouslySentDate(out);
      }
    }
    pdu.get(HeaderField.CONTENT_CLASS)
        .ifPresent(
            c ->
                ValueMapping.contentClass(c)
                    .ifPresentOrElse(
                        b::contentClass,
                        () ->
                            notes.add(
                                Notes.dropped(
                                    "X-Mms-Content-Class", "unknown value " + c + ": dropped"))));
    pdu.get(HeaderField.DRM_CONTENT).ifPresent(v -> b.drmContent(ValueMapping.yesNo(v)));
    pdu.get(HeaderField.ADAPTATION_ALLOWED)
        .ifPresent(v -> b.adaptationAllowed(ValueMapping.yesNo(v)));
    applicIds(pdu, b);

    for (HeaderField<?> f :
        new HeaderField<?>[] {
          HeaderField.REPLY_CHARGING,
          HeaderField.REPLY_CHARGING_DEADLINE,
          HeaderField.REPLY_CHARGING_ID,
          HeaderField.REPLY_CHARGING_SIZE
        }) {
      if (pdu.has(f)) {
        notes.add(Notes.dropped(f.name(), "MM4 has no reply charging: dropped"));
      }
    }
    for (HeaderField<?> f :
        new HeaderField<?>[] {
          HeaderField.STORE,
          HeaderField.MM_STATE,
          HeaderField.MM_FLAGS,
          HeaderField.RETRIEVE_STATUS,
          HeaderField.RETRIEVE_TEXT,
          HeaderField.DISTRIBUTION_INDICATOR,
          HeaderField.REPLACE_ID
        }) {
      if (pdu.has(f)) {
        notes.add(Notes.dropped(f.name(), "MM1-only field with no MM4 element: dropped"));
      }
    }
    Optional<Instant> deliveryTime =
        pdu.get(HeaderField.DELIVERY_TIME).flatMap(t -> mailDate(t, now)).map(d -> d.toInstant());
    if (deliveryTime.isPresent()) {
      notes.add(
          Notes.mapped(
              "X-Mms-Delivery-Time",
              "no MM4 element: hold the message until "
                  + deliveryTime.get()
                  + " (ForwardConversion.deliveryTime)"));
    } else if (pdu.has(HeaderField.DELIVERY_TIME)) {
      notes.add(
          Notes.dropped("X-Mms-Delivery-Time", "malformed or no date a mail can hold: dropped"));
    }
    extensions(pdu, b, notes);

    if (pdu.contentType().isEmpty() || pdu.body().isEmpty()) {
      throw ConversionException.missing("Content-Type", "the MM has no content");
    }
    MimeEntity content =
        BodyConversion.toMime(pdu.contentType().get(), pdu.body().get(), ctx.allow8bit(), notes);
    b.content(content);
    rfc822Id(b, tid, ctx);
    return new ForwardConversion(b.build(), envelope, deliveryTime, notes);
  }

  /**
   * Converts an m-delivery-ind (the status of the MM at one recipient) to an
   * MM4_delivery_report.REQ: From is that recipient (the PDU's To), To the original sender (from
   * the context, as the PDU does not carry it), the status through {@link
   * ValueMapping#mmStatusCode}.
   */
  public static Conversion<Mm4DeliveryReportReq> deliveryReportReq(
      DeliveryInd ind, ConversionContext ctx) throws ConversionException {
    List<Finding> notes = new ArrayList<>();
    Mm4DeliveryReportReq.Builder b = Mm4DeliveryReportReq.builder();
    String tid = common(b, ctx);
    b.messageId(messageId(ind));
    List<Address> to = ind.getAll(HeaderField.TO);
    if (to.isEmpty()) {
      throw ConversionException.missing("To", "the m-delivery-ind names no recipient");
    }
    if (to.size() > 1) {
      notes.add(Notes.dropped("To", "more than one recipient: the report is about the first"));
    }
    b.from(HeaderText.toMm4(to.get(0), "To"));
    Address original =
        ctx.originalSender()
            .orElseThrow(
                () ->
                    ConversionException.missing(
                        "To", "the original sender (ConversionContext.originalSender)"));
    b.to(HeaderText.toMm4(original, "To"));
    b.date(mailDate(ind.get(HeaderField.DATE).orElse(ctx.clock().instant())));
    Status st =
        ind.get(HeaderField.STATUS)
            .orElseThrow(
                () ->
                    ConversionException.missing("X-Mms-Status", "absent from the m-delivery-ind"));
    MmStatusCode code = ValueMapping.mmStatusCode(st);
    if (!ValueMapping.isLossless(st)) {
      notes.add(Notes.mapped("X-Mms-Status", st + " has no MM4 token: sent as " + code.token()));
    }
    b.mmStatusCode(code);
    ind.get(HeaderField.STATUS_TEXT)
        .ifPresent(t -> b.header(Mm4HeaderNames.STATUS_TEXT, HeaderText.toHeader(t)));
    applicIds(ind, b);
    extensions(ind, b, notes);
    rfc822Id(b, tid, ctx);
    return new Conversion<>(b.build(), notes);
  }

  /**
   * Converts an m-read-rec-ind (sent by the recipient who read the MM) to an
   * MM4_read_reply_report.REQ: From is that recipient (the insert-address token replaced by the
   * context's sender address), To the original sender.
   */
  public static Conversion<Mm4ReadReplyReportReq> readReplyReportReq(
      ReadRecInd ind, ConversionContext ctx) throws ConversionException {
    return readReply(ind, ctx);
  }

  /** Converts an m-read-orig-ind (the same report as its originator gets it) to an MM4_read_reply_report.REQ. */
  public static Conversion<Mm4ReadReplyReportReq> readReplyReportReq(
      ReadOrigInd ind, ConversionContext ctx) throws ConversionException {
    return readReply(ind, ctx);
  }

  private static Conversion<Mm4ReadReplyReportReq> readReply(Pdu ind, ConversionContext ctx)
      throws ConversionException {
    List<Finding> notes = new ArrayList<>();
    Mm4ReadReplyReportReq.Builder b = Mm4ReadReplyReportReq.builder();
    String tid = common(b, ctx);
    b.messageId(messageId(ind));
    b.from(sender(ind, ctx));
    List<Address> to = ind.getAll(HeaderField.TO);
    if (to.isEmpty()) {
      throw ConversionException.missing(
          "To", "the " + ind.messageType().wireName() + " names no original sender");
    }
    List<Mm4Address> out = new ArrayList<>();
    for (Address a : to) {
      out.add(HeaderText.toMm4(a, "To"));
    }
    b.to(out);
    b.date(mailDate(ind.get(HeaderField.DATE).orElse(ctx.clock().instant())));
    ReadStatus rs =
        ind.get(HeaderField.READ_STATUS)
            .orElseThrow(() -> ConversionException.missing("X-Mms-Read-Status", "absent"));
    b.readStatus(
        ValueMapping.readStatus(rs)
            .orElseThrow(
                () ->
                    ConversionException.unrepresentable(
                        "X-Mms-Read-Status", rs.toString(), "is not one of the two MM4 tokens")));
    applicIds(ind, b);
    extensions(ind, b, notes);
    rfc822Id(b, tid, ctx);
    return new Conversion<>(b.build(), notes);
  }

  // ------------------------------------------------------------------ shared

  /**
   * A PDU's Date as the mail's Date: RFC 5322 dates hold the years 1900 to 9999, a Long-integer
   * far more.
   */
  private static OffsetDateTime mailDate(Instant t) throws ConversionException {
    OffsetDateTime d = ValueMapping.date(t);
    if (!Values.isMailDate(d)) {
      throw ConversionException.unrepresentable(
          "Date", t.toString(), "is outside the years 1900-9999 a mail date can hold");
    }
    return d;
  }

  /**
   * A PDU time value as a mail date, empty when a mail cannot hold it (outside the years
   * 1900-9999, or a relative time that takes {@code now} past what {@link Instant} holds).
   */
  private static Optional<OffsetDateTime> mailDate(TimeValue t, Instant now) {
    try {
      OffsetDateTime d = ValueMapping.date(ValueMapping.absolute(t, now));
      return Values.isMailDate(d) ? Optional.of(d) : Optional.empty();
    } catch (DateTimeException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  /** The report's Message-ID (the MM it is about), as X-Mms-Message-ID can carry it. */
  private static String messageId(Pdu ind) throws ConversionException {
    String id =
        ind.get(HeaderField.MESSAGE_ID)
            .orElseThrow(
                () ->
                    ConversionException.missing(
                        "Message-ID", "absent from the " + ind.messageType().wireName()));
    return carriedId(id);
  }

  /**
   * {@code id} from a PDU, refused as a {@link ConversionException} when X-Mms-Message-ID cannot
   * carry it (empty, or not printable US-ASCII): a PDU from a phone may hold anything there, and
   * the builder would throw {@link IllegalArgumentException}.
   */
  private static String carriedId(String id) throws ConversionException {
    try {
      Values.formatId(Mm4HeaderNames.MESSAGE_ID, id);
    } catch (IllegalArgumentException e) {
      throw ConversionException.unrepresentable(
          "Message-ID", id, "cannot be an X-Mms-Message-ID (printable US-ASCII, not empty)");
    }
    return id;
  }

  private static String common(Mm4MessageBuilder<?, ?> b, ConversionContext ctx)
      throws ConversionException {
    Mm4Address system =
        ctx.originatorSystem()
            .orElseThrow(
                () ->
                    ConversionException.missing(
                        Mm4HeaderNames.ORIGINATOR_SYSTEM,
                        "this MMSE's system address (ConversionContext.originatorSystem)"));
    String tid = ctx.nextTransactionId();
    b.mmsVersion(ctx.mm4Version()).transactionId(tid).originatorSystem(system).sender(system);
    b.header(Mm4HeaderNames.ACK_REQUEST, YesNo.of(ctx.ackRequest()).token());
    return tid;
  }

  private static void rfc822Id(Mm4MessageBuilder<?, ?> b, String tid, ConversionContext ctx) {
    String domain =
        ctx.localDomain()
            .or(() -> ctx.originatorSystem().flatMap(Mm4Address::domain))
            .orElse("localhost");
    StringBuilder left = new StringBuilder("mm4.");
    for (int i = 0; i < tid.length() && left.length() < 120; i++) {
      char c = tid.charAt(i);
      boolean atext =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "-_+=".indexOf(c) >= 0;
      left.append(atext ? c : '.');
    }
    left.append('.').append(Long.toString(ctx.clock().millis(), 36));
    b.rfc822MessageId(
        left.toString().replaceAll("\\.{2,}", ".").replaceAll("\\.$", "") + "@" + domain);
  }

  private static Mm4Address sender(Pdu pdu, ConversionContext ctx) throws ConversionException {
    Optional<FromValue> from = pdu.get(HeaderField.FROM);
    if (from.isPresent() && from.get().address().isPresent()) {
      return HeaderText.toMm4(from.get().address().get(), "From");
    }
    Address real =
        ctx.senderAddress()
            .orElseThrow(
                () ->
                    ConversionException.missing(
                        "From",
                        (from.isPresent() ? "the insert-address token" : "no From")
                            + " and no sender address in the context"));
    return HeaderText.toMm4(real, "From");
  }

  private static List<Mm4Address> recipients(
      Pdu pdu,
      HeaderField<Address> field,
      ConversionContext ctx,
      String domain,
      List<Mm4Address> envelope)
      throws ConversionException {
    List<Mm4Address> out = new ArrayList<>();
    for (Address a : pdu.getAll(field)) {
      Mm4Address m = HeaderText.toMm4(a, field.name());
      out.add(m);
      if (ctx.isRoutedToRecipientMmse(a)) {
        Mm4Address e = HeaderText.envelopeForm(m, domain, field.name());
        if (!envelope.contains(e)) {
          envelope.add(e);
        }
      }
    }
    return out;
  }

  private static int index(long count) {
    return (int) Math.min(count, Integer.MAX_VALUE);
  }

  private static void applicIds(Pdu pdu, Mm4MessageBuilder<?, ?> b) {
    pdu.get(HeaderField.APPLIC_ID)
        .ifPresent(v -> b.header(Mm4HeaderNames.APPLIC_ID, HeaderText.toHeader(v)));
    pdu.get(HeaderField.REPLY_APPLIC_ID)
        .ifPresent(v -> b.header(Mm4HeaderNames.REPLY_APPLIC_ID, HeaderText.toHeader(v)));
    pdu.get(HeaderField.AUX_APPLIC_INFO)
        .ifPresent(v -> b.header(Mm4HeaderNames.AUX_APPLIC_INFO, HeaderText.toHeader(v)));
  }

  /** Application headers of the PDU become mail headers of the same name (RFC 5322 lets receivers ignore them). */
  private static void extensions(Pdu pdu, Mm4MessageBuilder<?, ?> b, List<Finding> notes) {
    for (Header h : pdu.headers()) {
      if (!h.field().isApplication()) {
        continue;
      }
      String name = h.name();
      Object v = h.value();
      if (!(v instanceof String) || !HeaderText.isFreeExtension(name)) {
        notes.add(
            Notes.dropped(
                name, "application header the mail cannot carry under its name: dropped"));
        continue;
      }
      try {
        b.addHeader(name, HeaderText.toHeader((String) v));
      } catch (IllegalArgumentException e) {
        notes.add(
            Notes.dropped(
                name, "cannot be written as a mail header: dropped (" + e.getMessage() + ")"));
      }
    }
  }
}
