package org.mmsstack.mm4.smtp;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Why an SMTP dialogue failed: the {@link SmtpPhase phase}, the {@link Reason cause}, the last
 * reply the server gave (if any) and the per-recipient replies gathered before the failure.
 * Extends {@link IOException} so one {@code catch} covers transport and protocol failures.
 *
 * <p>A message for which this exception is thrown was <em>not</em> acknowledged by the server.
 * When {@link #deliveryUncertain()} is true the content was fully sent but the final reply never
 * came, so the server may still have kept it (RFC 1047): a retry may duplicate it.
 */
public final class SmtpException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The cause of the failure. */
  public enum Reason {
    /** The server answered with a reply other than the one the step needs (see {@link #lastReply()}). */
    REPLY_REJECTED,
    /** Every RCPT TO was refused; nothing was sent. */
    NO_RECIPIENT_ACCEPTED,
    /** The connection closed or broke. */
    CONNECTION_LOST,
    /** The server did not answer within the read timeout. */
    TIMEOUT,
    /**
     * The transaction (or connection set-up) did not finish within
     * {@link SmtpClientConfig#transactionTimeout()}, however busy the server kept it.
     */
    DEADLINE,
    /**
     * The server replied before the client finished sending the content; the reply is
     * {@link #lastReply()}. The message was not accepted, and the connection is closed.
     */
    EARLY_REPLY,
    /** The server's reply did not follow the RFC 5321 reply syntax. */
    MALFORMED_REPLY,
    /** The message has 8-bit octets and the server does not offer 8BITMIME. */
    EIGHT_BIT_UNSUPPORTED,
    /** The message is larger than the SIZE the server announced. */
    MESSAGE_TOO_LARGE,
    /** A line of the message is longer than the configured limit (RFC 5321: 998 octets). */
    LINE_TOO_LONG,
    /** STARTTLS was required but the server does not offer it. */
    TLS_UNAVAILABLE,
    /** The TLS handshake failed. */
    TLS_FAILED,
    /** The client was used after it was closed or after an earlier failure broke the connection. */
    CLIENT_CLOSED;

    private final String code = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The stable code of this reason: its name in kebab case, for example {@code no-recipient-accepted}. */
    public String code() {
      return code;
    }

    /** The reason whose {@link #code()} is {@code code}, if there is one. */
    public static Optional<Reason> fromCode(String code) {
      for (Reason r : values()) {
        if (r.code.equals(code)) {
          return Optional.of(r);
        }
      }
      return Optional.empty();
    }
  }

  private final SmtpPhase phase;
  private final Reason reason;
  private final String detail;
  private final transient SmtpReply lastReply;
  private final transient List<SmtpRecipientResult> recipientResults;
  private final boolean deliveryUncertain;

  private SmtpException(
      SmtpPhase phase,
      Reason reason,
      String detail,
      SmtpReply lastReply,
      List<SmtpRecipientResult> recipientResults,
      boolean deliveryUncertain,
      Throwable cause) {
    super(
        phase + ": " + detail + (lastReply == null ? "" : " (last reply: " + lastReply + ")"),
        cause);
    this.phase = phase;
    this.reason = reason;
    this.detail = detail;
    this.lastReply = lastReply;
    this.recipientResults = List.copyOf(recipientResults);
    this.deliveryUncertain = deliveryUncertain;
  }

  /** The server refused a step with {@code reply}. */
  public static SmtpException rejected(
      SmtpPhase phase, SmtpReply reply, List<SmtpRecipientResult> recipients) {
    return new SmtpException(
        phase, Reason.REPLY_REJECTED, "server refused " + phase, reply, recipients, false, null);
  }

  /** Every recipient was refused; {@code recipients} holds each refusal. */
  public static SmtpException noRecipientAccepted(List<SmtpRecipientResult> recipients) {
    SmtpReply last = recipients.isEmpty() ? null : recipients.get(recipients.size() - 1).reply();
    return new SmtpException(
        SmtpPhase.RCPT,
        Reason.NO_RECIPIENT_ACCEPTED,
        "all " + recipients.size() + " recipient(s) refused",
        last,
        recipients,
        false,
        null);
  }

  /** The connection broke in {@code phase}. */
  public static SmtpException connectionLost(
      SmtpPhase phase,
      SmtpReply lastReply,
      List<SmtpRecipientResult> recipients,
      boolean deliveryUncertain,
      IOException cause) {
    return new SmtpException(
        phase,
        Reason.CONNECTION_LOST,
        "connection lost"
            + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage()),
        lastReply,
        recipients,
        deliveryUncertain,
        cause);
  }

  /** No reply came within the read timeout in {@code phase}. */
  public static SmtpException timeout(
      SmtpPhase phase,
      SmtpReply lastReply,
      List<SmtpRecipientResult> recipients,
      boolean deliveryUncertain,
      IOException cause) {
    return new SmtpException(
        phase,
        Reason.TIMEOUT,
        "no reply within the read timeout",
        lastReply,
        recipients,
        deliveryUncertain,
        cause);
  }

  /** The server sent a reply line that breaks RFC 5321 section 4.2. */
  public static SmtpException malformedReply(
      SmtpPhase phase,
      String detail,
      SmtpReply lastReply,
      List<SmtpRecipientResult> recipients,
      boolean deliveryUncertain) {
    return new SmtpException(
        phase,
        Reason.MALFORMED_REPLY,
        "malformed reply: " + detail,
        lastReply,
        recipients,
        deliveryUncertain,
        null);
  }

  /** The message needs 8BITMIME (RFC 6152) and the server did not offer it. */
  public static SmtpException eightBitUnsupported(int offset) {
    return new SmtpException(
        SmtpPhase.MAIL,
        Reason.EIGHT_BIT_UNSUPPORTED,
        "message has an 8-bit octet at offset "
            + offset
            + " but the server does not offer 8BITMIME; encode the body as base64 or quoted-printable",
        null,
        List.of(),
        false,
        null);
  }

  /** The message is larger than the server's SIZE (RFC 1870). */
  public static SmtpException messageTooLarge(long size, long limit) {
    return new SmtpException(
        SmtpPhase.MAIL,
        Reason.MESSAGE_TOO_LARGE,
        "message is " + size + " octets, the server accepts at most " + limit + " (SIZE)",
        null,
        List.of(),
        false,
        null);
  }

  /** A line is longer than {@code limit} octets (RFC 5321 section 4.5.3.1.6). */
  public static SmtpException lineTooLong(int line, int length, int limit) {
    return new SmtpException(
        SmtpPhase.MAIL,
        Reason.LINE_TOO_LONG,
        "message line "
            + line
            + " is "
            + length
            + " octets, more than the limit of "
            + limit
            + " (SmtpClientConfig.maxLineLength)",
        null,
        List.of(),
        false,
        null);
  }

  /** STARTTLS was required but the EHLO reply does not list it. */
  public static SmtpException tlsUnavailable(SmtpReply ehloReply) {
    return new SmtpException(
        SmtpPhase.STARTTLS,
        Reason.TLS_UNAVAILABLE,
        "STARTTLS required but not offered by the server",
        ehloReply,
        List.of(),
        false,
        null);
  }

  /** The TLS handshake failed. */
  public static SmtpException tlsFailed(SmtpPhase phase, IOException cause) {
    return new SmtpException(
        phase,
        Reason.TLS_FAILED,
        "TLS handshake failed: " + cause.getMessage(),
        null,
        List.of(),
        false,
        cause);
  }

  /** The transaction deadline passed; the connection was cut. */
  public static SmtpException deadline(
      SmtpPhase phase,
      SmtpReply lastReply,
      List<SmtpRecipientResult> recipients,
      boolean deliveryUncertain,
      long deadlineMillis,
      IOException cause) {
    return new SmtpException(
        phase,
        Reason.DEADLINE,
        "not finished within the transaction timeout of " + deadlineMillis + " ms",
        lastReply,
        recipients,
        deliveryUncertain,
        cause);
  }

  /** The server replied while the content was still being sent. */
  public static SmtpException earlyReply(SmtpReply reply, List<SmtpRecipientResult> recipients) {
    return new SmtpException(
        SmtpPhase.MESSAGE,
        Reason.EARLY_REPLY,
        "server replied before the end of the content; message not accepted",
        reply,
        recipients,
        false,
        null);
  }

  /** The client can no longer be used. */
  public static SmtpException clientClosed(SmtpPhase phase) {
    return new SmtpException(
        phase,
        Reason.CLIENT_CLOSED,
        "the connection is closed (after close() or an earlier connection failure)",
        null,
        List.of(),
        false,
        null);
  }

  /** The step in which the dialogue failed. */
  public SmtpPhase phase() {
    return phase;
  }

  /** The cause of the failure. */
  public Reason reason() {
    return reason;
  }

  /** The text without the phase and the last reply, as the format exceptions' {@code detail()}. */
  public String detail() {
    return detail;
  }

  /** The last reply the server gave before the failure, if any. */
  public Optional<SmtpReply> lastReply() {
    return Optional.ofNullable(lastReply);
  }

  /** The code of {@link #lastReply()}, or -1 when there was none. */
  public int lastReplyCode() {
    return lastReply == null ? -1 : lastReply.code();
  }

  /** The replies to the RCPT TO commands sent before the failure; empty if none were sent. */
  public List<SmtpRecipientResult> recipientResults() {
    // Not serialised (the replies are not Serializable): a deserialised exception has none.
    return recipientResults == null ? List.of() : recipientResults;
  }

  /**
   * True when the whole message content had been sent and the final reply never came
   * (connection lost or timeout in {@link SmtpPhase#MESSAGE}): the server may or may not have
   * kept the message.
   */
  public boolean deliveryUncertain() {
    return deliveryUncertain;
  }
}
