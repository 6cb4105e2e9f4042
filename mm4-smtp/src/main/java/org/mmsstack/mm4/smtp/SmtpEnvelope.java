package org.mmsstack.mm4.smtp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The SMTP envelope of one mail transaction: the reverse-path of MAIL FROM and the forward-paths
 * of the RCPT TO commands, in order. Immutable; the recipient list holds no duplicates and is
 * never empty.
 *
 * <p>An empty reverse-path ({@code MAIL FROM:<>}, RFC 5321 section 4.5.5) is used for
 * notifications that must not cause further notifications.
 */
public final class SmtpEnvelope {
    private final SmtpAddress reversePath;
    private final List<SmtpAddress> recipients;

    private SmtpEnvelope(SmtpAddress reversePath, List<SmtpAddress> recipients) {
        this.reversePath = reversePath;
        this.recipients = recipients;
    }

    /**
     * An envelope from a sender to one or more recipients.
     *
     * @param reversePath the MAIL FROM address, or {@code null} for the empty reverse-path
     * @param recipients at least one RCPT TO address; duplicates are dropped, order is kept
     * @throws IllegalArgumentException when there is no recipient
     */
    public static SmtpEnvelope of(SmtpAddress reversePath, List<SmtpAddress> recipients) {
        Objects.requireNonNull(recipients, "recipients");
        LinkedHashSet<SmtpAddress> unique = new LinkedHashSet<>();
        for (SmtpAddress r : recipients) {
            unique.add(Objects.requireNonNull(r, "recipient"));
        }
        if (unique.isEmpty()) {
            throw new IllegalArgumentException("recipients: empty (an SMTP transaction needs at least one RCPT TO)");
        }
        return new SmtpEnvelope(reversePath, Collections.unmodifiableList(new ArrayList<>(unique)));
    }

    /**
     * An envelope from wire-form addresses ({@code local@domain}, see
     * {@link SmtpAddress#parse(String)}).
     *
     * @param reversePath the MAIL FROM address, or {@code ""} for the empty reverse-path
     * @throws IllegalArgumentException when an address is invalid or there is no recipient
     */
    public static SmtpEnvelope of(String reversePath, String... recipients) {
        Objects.requireNonNull(reversePath, "reversePath");
        List<SmtpAddress> list = new ArrayList<>(recipients.length);
        for (String r : recipients) {
            list.add(SmtpAddress.parse(Objects.requireNonNull(r, "recipient")));
        }
        return of(reversePath.isEmpty() ? null : SmtpAddress.parse(reversePath), list);
    }

    /** The MAIL FROM address; empty for the null reverse-path {@code <>}. */
    public Optional<SmtpAddress> reversePath() {
        return Optional.ofNullable(reversePath);
    }

    /** The RCPT TO addresses in the order they are sent; unmodifiable, never empty. */
    public List<SmtpAddress> recipients() {
        return recipients;
    }

    /** The reverse-path with angle brackets, as written after {@code MAIL FROM:}. */
    public String reversePathString() {
        return reversePath == null ? "<>" : "<" + reversePath.toSmtpString() + ">";
    }

    /** Returns an envelope with the same reverse-path and the given recipients. */
    public SmtpEnvelope withRecipients(List<SmtpAddress> newRecipients) {
        return of(reversePath, newRecipients);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SmtpEnvelope
                && Objects.equals(((SmtpEnvelope) o).reversePath, reversePath)
                && ((SmtpEnvelope) o).recipients.equals(recipients);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(reversePath) * 31 + recipients.hashCode();
    }

    @Override
    public String toString() {
        return "SmtpEnvelope[from=" + reversePathString() + ", to=" + recipients + "]";
    }
}
