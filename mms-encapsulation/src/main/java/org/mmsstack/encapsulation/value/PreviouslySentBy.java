package org.mmsstack.encapsulation.value;

import java.util.Objects;

/**
 * One X-Mms-Previously-Sent-By entry (0x20, MMS 1.1): who forwarded the MM at hop
 * {@code forwardedCount}.
 *
 * @param forwardedCount the Forwarded-count-value, counting from 0
 * @param address the forwarding address
 */
public record PreviouslySentBy(long forwardedCount, Address address) {
  public PreviouslySentBy {
    if (forwardedCount < 0) {
      throw new IllegalArgumentException("forwardedCount: " + forwardedCount + " (expected: >= 0)");
    }
    Objects.requireNonNull(address, "address");
  }
}
