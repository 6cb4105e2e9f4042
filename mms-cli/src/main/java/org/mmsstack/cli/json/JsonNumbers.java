package org.mmsstack.cli.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The numbers of a document, checked before anything reads them. Jackson hands a number that
 * does not fit in a {@code long} to {@code asLong()} as its low 64 bits and to {@code asInt()} as
 * its low 32 ({@code 18446744073709551616} reads as 0, a header {@code code} of {@code
 * 2^32+0x8F} as {@code 0x8F}); a fraction is silently cut. So every number is checked here
 * first, by the member it is the value of, and a number out of range is refused with a JSON
 * pointer to it ({@code /headers/3/value/relative}).
 *
 * <p>Ranges: the schema has only whole numbers; octet-valued members ({@code code}, {@code
 * wireCode}) are 0 to 255; Uintvar-valued counts ({@code declaredCount}) fit in 32 bits; every
 * other number is 0 to {@link Long#MAX_VALUE} (the codec's Long-integer), except the positions
 * {@code offset} and {@code line}, which {@code encode} ignores and which only
 * have to be whole numbers of a {@code long}'s range ({@code "offset": -1} is an absent body).
 */
final class JsonNumbers {

  private JsonNumbers() {}

  /** Refuses the first number of {@code doc} outside its member's range. */
  static void check(JsonNode doc) throws JsonEncoder.JsonPduException {
    check(doc, "", "");
  }

  private static void check(JsonNode n, String pointer, String member)
      throws JsonEncoder.JsonPduException {
    if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        check(e.getValue(), pointer + "/" + escape(e.getKey()), e.getKey());
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        check(n.get(i), pointer + "/" + i, member);
      }
    } else if (n.isNumber()) {
      number(n, pointer, member);
    }
  }

  private static void number(JsonNode n, String pointer, String member)
      throws JsonEncoder.JsonPduException {
    if (!n.isIntegralNumber()) {
      throw new JsonEncoder.JsonPduException(
          pointer + ": " + n.asText() + " is not a whole number");
    }
    long min;
    long max;
    switch (member) {
      case "code":
      case "wireCode":
        min = 0;
        max = 0xFF;
        break;
      case "declaredCount":
        min = 0;
        max = 0xFFFF_FFFFL;
        break;
      case "offset":
      case "line":
        min = Long.MIN_VALUE;
        max = Long.MAX_VALUE;
        break;
      default:
        min = 0;
        max = Long.MAX_VALUE;
        break;
    }
    if (!n.canConvertToLong() || n.longValue() < min || n.longValue() > max) {
      throw new JsonEncoder.JsonPduException(
          pointer
              + ": "
              + n.bigIntegerValue()
              + " is out of range ("
              + (min == Long.MIN_VALUE ? "a 64-bit number" : min + " to " + max)
              + ")");
    }
  }

  /** A member name as a JSON pointer token (RFC 6901). */
  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
