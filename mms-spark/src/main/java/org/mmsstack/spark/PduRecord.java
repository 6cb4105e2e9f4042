package org.mmsstack.spark;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mmsstack.capture.CapturedPdu;
import org.mmsstack.capture.Endpoint;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.Severity;

/**
 * One row of a capture dataset: an MMS PDU or MM4 mail found in a capture file, the values an
 * operator looks for, and what validating it found; or ({@link Kind#CAPTURE}) the problems of the
 * capture file itself, one such row per file that has any.
 *
 * <p>Immutable and thread-safe. It holds no content octets: {@link #size()} says how many there
 * were.
 *
 * @param file the capture file's path as listed (a Hadoop path URI such as {@code
 *     hdfs://nn/caps/a.pcap} or {@code file:/data/a.pcap})
 * @param frame the 1-based number of the frame that completed the PDU; 0 for a {@link
 *     Kind#CAPTURE} row
 * @param timestamp that frame's capture time, when it had one
 * @param kind what the row is about
 * @param transport the application protocol that carried the PDU ({@code NONE} for a {@link
 *     Kind#CAPTURE} row)
 * @param source the sender's address and port
 * @param destination the receiver's address and port
 * @param description a one-line description of the carrier (or of the file, for a {@link
 *     Kind#CAPTURE} row)
 * @param messageType the PDU's message type as on the wire ({@code m-send-req}) or the MM4 type
 *     token ({@code MM4_forward.REQ}); empty when it cannot be decoded
 * @param transactionId X-Mms-Transaction-ID (X-Mms-Transaction-ID in MM4)
 * @param messageId Message-ID (X-Mms-Message-ID in MM4)
 * @param from the From address as written
 * @param to the To addresses as written, in order
 * @param subject the Subject as text
 * @param contentLocation X-Mms-Content-Location (PDUs only)
 * @param size the PDU's (or mail's) length in octets; 0 for a {@link Kind#CAPTURE} row
 * @param mmsVersion X-Mms-MMS-Version ({@code 1.2}; {@code 6.8.0} for MM4)
 * @param findings what decoding and validation found (for a {@link Kind#CAPTURE} row, the capture
 *     reader's findings), ordered by position
 */
public record PduRecord(
    String file,
    long frame,
    Optional<Instant> timestamp,
    Kind kind,
    CapturedPdu.Transport transport,
    Optional<Endpoint> source,
    Optional<Endpoint> destination,
    String description,
    Optional<String> messageType,
    Optional<String> transactionId,
    Optional<String> messageId,
    Optional<String> from,
    List<String> to,
    Optional<String> subject,
    Optional<String> contentLocation,
    int size,
    Optional<String> mmsVersion,
    List<Finding> findings) {

  /** What a row is about. */
  public enum Kind {
    /** A binary MMS PDU (MM1, OMA MMS Encapsulation). */
    MMS_PDU,
    /** An MM4 message (RFC 5322 mail in an SMTP session). */
    MM4_MAIL,
    /** The capture file itself: the capture reader's findings, or why it is not a capture. */
    CAPTURE
  }

  /** Checks the arguments and copies the lists. */
  public PduRecord {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(messageType, "messageType");
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(contentLocation, "contentLocation");
    Objects.requireNonNull(mmsVersion, "mmsVersion");
    to = List.copyOf(to);
    findings = List.copyOf(findings);
    if (frame < 0) {
      throw new IllegalArgumentException("frame: " + frame + " (expected: 0 or more)");
    }
    if (size < 0) {
      throw new IllegalArgumentException("size: " + size + " (expected: 0 or more)");
    }
  }

  /** How many findings have this severity. */
  public int count(Severity severity) {
    int n = 0;
    for (Finding f : findings) {
      if (f.severity() == severity) {
        n++;
      }
    }
    return n;
  }
}
