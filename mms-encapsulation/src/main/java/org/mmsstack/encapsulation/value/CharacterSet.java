package org.mmsstack.encapsulation.value;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A character set as WSP sends it: an IANA MIBenum (Integer-value), for example 106 for UTF-8.
 *
 * <p>Any MIBenum is kept, known or not, so that text in an unknown charset is never lost: its
 * raw octets stay available and it is re-encoded with the same number. {@link #javaCharset()}
 * maps the number to the JVM's charset when there is one. MIBenum 0 is WSP's Any-charset
 * ({@code *}).
 */
public final class CharacterSet {

  private static final Map<Integer, CharacterSet> KNOWN = new ConcurrentHashMap<>();
  // Every defined MIBenum (the largest is windows-1258, 2258) is found by index: UCS-2 (1000)
  // and UTF-16 (1015) are common in parts' charset parameters, and a map lookup boxes the key.
  private static final CharacterSet[] SMALL = new CharacterSet[2259];

  public static final CharacterSet ANY = define(0, "*", null);
  public static final CharacterSet US_ASCII = define(3, "us-ascii", "US-ASCII");
  public static final CharacterSet ISO_8859_1 = define(4, "iso-8859-1", "ISO-8859-1");
  public static final CharacterSet ISO_8859_2 = define(5, "iso-8859-2", "ISO-8859-2");
  public static final CharacterSet ISO_8859_3 = define(6, "iso-8859-3", "ISO-8859-3");
  public static final CharacterSet ISO_8859_4 = define(7, "iso-8859-4", "ISO-8859-4");
  public static final CharacterSet ISO_8859_5 = define(8, "iso-8859-5", "ISO-8859-5");
  public static final CharacterSet ISO_8859_6 = define(9, "iso-8859-6", "ISO-8859-6");
  public static final CharacterSet ISO_8859_7 = define(10, "iso-8859-7", "ISO-8859-7");
  public static final CharacterSet ISO_8859_8 = define(11, "iso-8859-8", "ISO-8859-8");
  public static final CharacterSet ISO_8859_9 = define(12, "iso-8859-9", "ISO-8859-9");
  public static final CharacterSet ISO_8859_10 = define(13, "iso-8859-10", "ISO-8859-10");
  public static final CharacterSet SHIFT_JIS = define(17, "shift_jis", "Shift_JIS");
  public static final CharacterSet EUC_JP = define(18, "euc-jp", "EUC-JP");
  public static final CharacterSet KS_C_5601 = define(36, "ks_c_5601-1987", "x-windows-949");
  public static final CharacterSet ISO_2022_KR = define(37, "iso-2022-kr", "ISO-2022-KR");
  public static final CharacterSet EUC_KR = define(38, "euc-kr", "EUC-KR");
  public static final CharacterSet ISO_2022_JP = define(39, "iso-2022-jp", "ISO-2022-JP");
  public static final CharacterSet ISO_2022_JP_2 = define(40, "iso-2022-jp-2", "ISO-2022-JP-2");
  public static final CharacterSet ISO_8859_6_E = define(81, "iso-8859-6-e", "ISO-8859-6");
  public static final CharacterSet ISO_8859_6_I = define(82, "iso-8859-6-i", "ISO-8859-6");
  public static final CharacterSet ISO_8859_8_E = define(84, "iso-8859-8-e", "ISO-8859-8");
  public static final CharacterSet ISO_8859_8_I = define(85, "iso-8859-8-i", "ISO-8859-8");
  public static final CharacterSet UTF_8 = define(106, "utf-8", "UTF-8");
  public static final CharacterSet ISO_8859_13 = define(109, "iso-8859-13", "ISO-8859-13");
  public static final CharacterSet ISO_8859_14 = define(110, "iso-8859-14", "ISO-8859-14");
  public static final CharacterSet ISO_8859_15 = define(111, "iso-8859-15", "ISO-8859-15");
  public static final CharacterSet ISO_8859_16 = define(112, "iso-8859-16", "ISO-8859-16");
  public static final CharacterSet GBK = define(113, "gbk", "GBK");
  public static final CharacterSet GB18030 = define(114, "gb18030", "GB18030");
  public static final CharacterSet UCS_2 = define(1000, "iso-10646-ucs-2", "UTF-16BE");
  public static final CharacterSet UCS_4 = define(1001, "iso-10646-ucs-4", "UTF-32BE");
  public static final CharacterSet UTF_7 = define(1012, "utf-7", null);
  public static final CharacterSet UTF_16BE = define(1013, "utf-16be", "UTF-16BE");
  public static final CharacterSet UTF_16LE = define(1014, "utf-16le", "UTF-16LE");
  public static final CharacterSet UTF_16 = define(1015, "utf-16", "UTF-16");
  public static final CharacterSet UTF_32 = define(1017, "utf-32", "UTF-32");
  public static final CharacterSet UTF_32BE = define(1018, "utf-32be", "UTF-32BE");
  public static final CharacterSet UTF_32LE = define(1019, "utf-32le", "UTF-32LE");
  public static final CharacterSet GB2312 = define(2025, "gb2312", "GB2312");
  public static final CharacterSet BIG5 = define(2026, "big5", "Big5");
  public static final CharacterSet MACINTOSH = define(2027, "macintosh", "x-MacRoman");
  public static final CharacterSet KOI8_R = define(2084, "koi8-r", "KOI8-R");
  public static final CharacterSet KOI8_U = define(2088, "koi8-u", "KOI8-U");
  public static final CharacterSet WINDOWS_874 = define(2109, "windows-874", "x-windows-874");
  public static final CharacterSet WINDOWS_1250 = define(2250, "windows-1250", "windows-1250");
  public static final CharacterSet WINDOWS_1251 = define(2251, "windows-1251", "windows-1251");
  public static final CharacterSet WINDOWS_1252 = define(2252, "windows-1252", "windows-1252");
  public static final CharacterSet WINDOWS_1253 = define(2253, "windows-1253", "windows-1253");
  public static final CharacterSet WINDOWS_1254 = define(2254, "windows-1254", "windows-1254");
  public static final CharacterSet WINDOWS_1255 = define(2255, "windows-1255", "windows-1255");
  public static final CharacterSet WINDOWS_1256 = define(2256, "windows-1256", "windows-1256");
  public static final CharacterSet WINDOWS_1257 = define(2257, "windows-1257", "windows-1257");
  public static final CharacterSet WINDOWS_1258 = define(2258, "windows-1258", "windows-1258");

  private final int mibEnum;
  private final String name;
  private final Charset javaCharset;
  private final boolean known;
  // Both Optionals are made once per instance so that the accessors never allocate: the codec and
  // the validator read them for every Encoded-string-value.
  private final Optional<Charset> javaCharsetOptional;
  private final Optional<CharacterSet> self;

  private CharacterSet(int mibEnum, String name, Charset javaCharset, boolean known) {
    this.mibEnum = mibEnum;
    this.name = name;
    this.javaCharset = javaCharset;
    this.known = known;
    this.javaCharsetOptional = Optional.ofNullable(javaCharset);
    this.self = Optional.of(this);
  }

  private static CharacterSet define(int mib, String name, String javaName) {
    CharacterSet cs = new CharacterSet(mib, name, lookup(javaName), true);
    if (KNOWN.putIfAbsent(mib, cs) != null) {
      throw new ExceptionInInitializerError("duplicate MIBenum " + mib);
    }
    if (mib < SMALL.length) {
      SMALL[mib] = cs;
    }
    return cs;
  }

  private static Charset lookup(String javaName) {
    if (javaName == null) {
      return null;
    }
    try {
      return Charset.forName(javaName);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null; // a JRE without the extended charsets: the raw octets are still kept
    }
  }

  /** The character set for a MIBenum; unknown numbers are kept (with no Java charset). */
  public static CharacterSet valueOf(long mibEnum) {
    if (mibEnum >= 0 && mibEnum < SMALL.length && SMALL[(int) mibEnum] != null) {
      return SMALL[(int) mibEnum];
    }
    if (mibEnum < 0 || mibEnum > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("mibEnum: " + mibEnum + " (expected: 0 ~ 2147483647)");
    }
    CharacterSet cs = KNOWN.get((int) mibEnum);
    return cs != null ? cs : new CharacterSet((int) mibEnum, "mib-" + mibEnum, null, false);
  }

  /**
   * The character set for an IANA name or alias (case-insensitive); empty when none of the known
   * ones matches.
   */
  public static Optional<CharacterSet> byName(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (CharacterSet cs : KNOWN.values()) {
      if (cs.name.equals(n)) {
        return cs.self;
      }
    }
    Charset java = lookup(n);
    if (java != null) {
      for (CharacterSet cs : KNOWN.values()) {
        if (java.equals(cs.javaCharset)
            && (cs.name.equalsIgnoreCase(java.name()) || java.aliases().contains(cs.name))) {
          return cs.self;
        }
      }
    }
    return Optional.empty();
  }

  /** The IANA MIBenum. */
  public int mibEnum() {
    return mibEnum;
  }

  /** The IANA name in lower case (for example {@code utf-8}); {@code mib-N} when unknown. */
  public String name() {
    return name;
  }

  /**
   * The JVM charset for decoding; empty when the JVM has none for this number (an unknown
   * MIBenum, {@link #ANY}, or a JRE without the extended charsets). Does not allocate.
   */
  public Optional<Charset> javaCharset() {
    return javaCharsetOptional;
  }

  /** This character set as a present Optional, made once; for {@link EncodedString#charset()}. */
  Optional<CharacterSet> asOptional() {
    return self;
  }

  /** Whether this MIBenum is one this library names. */
  public boolean isKnown() {
    return known;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CharacterSet && ((CharacterSet) o).mibEnum == mibEnum;
  }

  @Override
  public int hashCode() {
    return mibEnum;
  }

  @Override
  public String toString() {
    return name + "(" + mibEnum + ")";
  }
}
