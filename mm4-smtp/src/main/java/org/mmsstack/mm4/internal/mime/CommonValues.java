package org.mmsstack.mm4.internal.mime;

/**
 * The short header values MM4 and MIME enumerate (transfer encodings, Yes/No, message types and
 * classes, priorities, the MIME version, the usual request status), so that reading one of them
 * from a decoded field shares one {@link String} instead of making one per field: a small
 * message carries a dozen of them.
 */
final class CommonValues {

  private static final String[] VALUES = {
    "7bit",
    "8bit",
    "binary",
    "base64",
    "quoted-printable",
    "1.0",
    "Yes",
    "No",
    "Personal",
    "Advertisement",
    "Informational",
    "Auto",
    "Low",
    "Normal",
    "High",
    "Ok",
    "MM4_forward.REQ",
    "MM4_forward.RES",
    "MM4_delivery_report.REQ",
    "MM4_delivery_report.RES",
    "MM4_read_reply_report.REQ",
    "MM4_read_reply_report.RES",
  };

  private static final int MAX_LENGTH = 25;

  /** The values by length. */
  private static final String[][] BY_LENGTH = new String[MAX_LENGTH + 1][];

  static {
    for (String v : VALUES) {
      String[] old = BY_LENGTH[v.length()];
      String[] now = old == null ? new String[1] : java.util.Arrays.copyOf(old, old.length + 1);
      now[now.length - 1] = v;
      BY_LENGTH[v.length()] = now;
    }
  }

  private CommonValues() {}

  /** The shared value spelt exactly as {@code b[from, to)} (US-ASCII), or null. */
  static String find(byte[] b, int from, int to) {
    int n = to - from;
    if (n == 0) {
      return "";
    }
    String[] candidates = n <= MAX_LENGTH ? BY_LENGTH[n] : null;
    if (candidates != null) {
      for (String s : candidates) {
        int i = 0;
        while (i < n && s.charAt(i) == b[from + i]) {
          i++;
        }
        if (i == n) {
          return s;
        }
      }
    }
    return null;
  }
}
