package org.mmsstack.mm4;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.value.MessageClass;
import org.mmsstack.mm4.internal.Values;
import org.mmsstack.mm4.internal.mime.DateTimes;
import org.mmsstack.mm4.internal.mime.Syntax;
import org.mmsstack.mm4.mime.ContentType;
import org.mmsstack.mm4.mime.MimeEntity;
import org.mmsstack.mm4.mime.Mm4Header;
import org.mmsstack.mm4.mime.Mm4Headers;
import org.mmsstack.mm4.value.Mm4Address;
import org.mmsstack.mm4.value.RequestStatusCode;
import org.mmsstack.mm4.value.YesNo;

/** What the six message classes share: the root entity and the accessors of the common fields. */
abstract class AbstractMm4Message {

  final MimeEntity root;
  private final List<Finding> findings;

  AbstractMm4Message(MimeEntity root, List<Finding> findings) {
    this.root = Objects.requireNonNull(root, "root");
    this.findings = List.copyOf(findings);
  }

  public List<Finding> findings() {
    return findings;
  }

  public abstract Mm4MessageType messageType();

  public Mm4Headers headers() {
    return root.headers();
  }

  public MimeEntity content() {
    return root;
  }

  public Optional<Mm4Version> mmsVersion() {
    return headers().first(Mm4HeaderNames.MMS_VERSION).flatMap(Mm4Version::tryParse);
  }

  public Optional<String> transactionId() {
    return Values.id(headers(), Mm4HeaderNames.TRANSACTION_ID);
  }

  public Optional<String> messageId() {
    return Values.id(headers(), Mm4HeaderNames.MESSAGE_ID);
  }

  public Optional<Mm4Address> from() {
    return Values.address(headers(), Mm4HeaderNames.FROM);
  }

  public List<Mm4Address> to() {
    return Values.addresses(headers(), Mm4HeaderNames.TO);
  }

  public List<Mm4Address> cc() {
    return Values.addresses(headers(), Mm4HeaderNames.CC);
  }

  public Optional<OffsetDateTime> date() {
    return Values.date(headers(), Mm4HeaderNames.DATE);
  }

  public Optional<String> subject() {
    return Values.text(headers(), Mm4HeaderNames.SUBJECT);
  }

  public Optional<String> rfc822MessageId() {
    return Values.rfc822Id(headers());
  }

  public Optional<Mm4Address> sender() {
    return Values.address(headers(), Mm4HeaderNames.SENDER);
  }

  public Optional<String> mimeVersion() {
    return headers()
        .first(Mm4HeaderNames.MIME_VERSION)
        .map(v -> Syntax.strip(DateTimes.stripComments(v)));
  }

  public Optional<ContentType> contentType() {
    return headers().firstField(Mm4HeaderNames.CONTENT_TYPE).flatMap(Mm4Header::contentTypeValue);
  }

  public Optional<Mm4Address> originatorSystem() {
    return Values.address(headers(), Mm4HeaderNames.ORIGINATOR_SYSTEM);
  }

  public Optional<MessageClass> messageClass() {
    return Values.messageClass(headers());
  }

  public Optional<String> header(String name) {
    return headers().first(name);
  }

  // ---- shared by several types ----

  Optional<RequestStatusCode> requestStatusCode0() {
    return headers()
        .first(Mm4HeaderNames.REQUEST_STATUS_CODE)
        .flatMap(RequestStatusCode::fromToken);
  }

  Optional<String> statusText0() {
    return Values.text(headers(), Mm4HeaderNames.STATUS_TEXT);
  }

  Optional<YesNo> ackRequest0() {
    return Values.yesNo(headers(), Mm4HeaderNames.ACK_REQUEST);
  }

  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && ((AbstractMm4Message) o).root.equals(root);
  }

  @Override
  public final int hashCode() {
    return root.hashCode() * 31 + messageType().hashCode();
  }

  @Override
  public String toString() {
    return messageType().token() + " " + headers();
  }
}
