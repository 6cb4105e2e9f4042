package org.mmsstack.mm4.smtp;

/** The step of an SMTP dialogue in which a client-side failure happened. */
public enum SmtpPhase {
  /** Opening the TCP connection (and the TLS handshake of implicit TLS). */
  CONNECT,
  /** Waiting for the server's 220 greeting. */
  GREETING,
  /** EHLO, or the HELO fallback. */
  HELLO,
  /** STARTTLS and its TLS handshake. */
  STARTTLS,
  /** RSET between two transactions on one connection. */
  RSET,
  /** Checks made before MAIL FROM (8-bit data, SIZE, line length) and the MAIL FROM command. */
  MAIL,
  /** The RCPT TO commands. */
  RCPT,
  /** The DATA command, up to its 354 reply. */
  DATA,
  /**
   * Sending the message content and waiting for the final reply: a failure here after the
   * content was fully sent leaves it unknown whether the server kept the message.
   */
  MESSAGE,
  /** QUIT. */
  QUIT
}
