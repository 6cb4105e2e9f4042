package org.mmsstack.encapsulation;

/** How bad a {@link Finding} is. */
public enum Severity {
  /** Worth knowing, harmless: an unknown header kept as it was, a non-canonical encoding. */
  INFO,
  /** Legal or tolerated, but peers are known to stumble over it. */
  WARNING,
  /** Breaks the specification; strict decoding stops here, lenient decoding recovers. */
  ERROR
}
