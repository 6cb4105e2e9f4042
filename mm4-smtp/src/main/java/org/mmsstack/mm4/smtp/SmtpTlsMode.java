package org.mmsstack.mm4.smtp;

/** How an {@link SmtpClient} protects the connection. */
public enum SmtpTlsMode {
  /** Plain TCP; STARTTLS is not used even when offered. */
  NONE,
  /**
   * Plain TCP, then STARTTLS (RFC 3207) before any mail transaction; the connection fails with
   * {@link SmtpException.Reason#TLS_UNAVAILABLE} when the server does not offer it, so there is
   * no silent fall back to plain text.
   */
  STARTTLS,
  /** TLS from the first byte (RFC 8314 "implicit TLS", usually port 465). */
  IMPLICIT
}
