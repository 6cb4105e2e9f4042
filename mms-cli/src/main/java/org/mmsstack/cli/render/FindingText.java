package org.mmsstack.cli.render;

import org.mmsstack.encapsulation.Finding;

/** A finding on one line: {@code ERROR at 17 [X-Mms-Expiry] message (code)}. */
public final class FindingText {

  private FindingText() {}

  public static String of(Finding f) {
    StringBuilder sb = new StringBuilder(f.severity().name());
    if (f.offset() >= 0) {
      sb.append(" at ").append(f.offset());
    }
    if (f.header() != null) {
      sb.append(" [").append(f.header()).append(']');
    }
    return sb.append(' ').append(f.message()).append(" (").append(f.code()).append(')').toString();
  }
}
