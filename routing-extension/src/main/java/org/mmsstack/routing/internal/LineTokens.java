package org.mmsstack.routing.internal;

/**
 * The lexical layer both routing data formats (routing tables and key rings) share: a line is
 * fields of printable ASCII ({@code 0x21-0x7E}) separated by spaces or tabs, up to an optional
 * {@code #} comment; any other byte outside the comment is an error. Works on bytes in place and
 * allocates nothing. Stateless and thread-safe.
 */
public final class LineTokens {

  private LineTokens() {}

  /**
   * The end of the line {@code b[start, end)} without a CR that ends it (a CR ending a line is
   * dropped, also on a last line without LF, so that both formats end their lines alike).
   */
  public static int withoutCr(byte[] b, int start, int end) {
    return end > start && b[end - 1] == '\r' ? end - 1 : end;
  }

  /**
   * Splits the line {@code b[start, end)} (without its line end) into fields.
   *
   * @param tokStart receives the start index of the first {@code tokStart.length} fields
   * @param tokEnd receives their end indices (exclusive); as long as {@code tokStart}
   * @return the number of fields (may exceed the arrays, whose first fields are then filled), or
   *     {@code -(i + 1)} when {@code b[i]} is a byte not allowed outside a comment
   */
  public static int split(byte[] b, int start, int end, int[] tokStart, int[] tokEnd) {
    int count = 0;
    int i = start;
    while (i < end) {
      int c = b[i] & 0xFF;
      if (c == ' ' || c == '\t') {
        i++;
        continue;
      }
      if (c == '#') {
        break;
      }
      int s = i;
      while (i < end) {
        c = b[i] & 0xFF;
        if (c == ' ' || c == '\t' || c == '#') {
          break;
        }
        if (c < 0x21 || c > 0x7E) {
          return -(i + 1);
        }
        i++;
      }
      if (count < tokStart.length) {
        tokStart[count] = s;
        tokEnd[count] = i;
      }
      count++;
    }
    return count;
  }
}
