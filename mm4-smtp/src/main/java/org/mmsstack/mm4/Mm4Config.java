package org.mmsstack.mm4;

import java.util.Objects;

/**
 * Decoding mode and limits for {@link Mm4Codec}, immutable and thread-safe. The limits are checked
 * before anything is allocated for the structure they bound, so hostile input cannot make the
 * parser allocate in proportion to a length it merely claims; a limit error names the setting.
 *
 * <p>{@link #DEFAULT} is lenient: it copes with what real captures carry (a byte-order mark, LF
 * line ends, the SMTP dialogue after the lone "." line) and reports it in {@link
 * Mm4Message#findings()}. {@link #STRICT} is the one strictness switch: as for PDUs, strict
 * decoding throws an {@link Mm4FormatException} at the first finding of severity {@link
 * org.mmsstack.encapsulation.Severity#ERROR ERROR}, and records warnings and infos. Everything
 * lenient decoding repairs in the syntax (byte-order mark, bare LF, SMTP tail, folding, header
 * bytes, boundaries, transfer encodings) is an ERROR, as is a missing or unreadable mandatory
 * element; a bad optional value, a repeated field, an undecodable encoded word and a missing
 * X-Mms-Forward-Counter are WARNINGs, a private message class is an INFO.
 *
 * <p>{@link #checkBodies()} decides when the base64 and quoted-printable bodies of leaf parts are
 * checked. Lenient decoding ({@link #DEFAULT}, {@link #LENIENT}) only locates them: {@code decode}
 * reads the header sections and the multipart delimiters, its cost does not grow with the size of
 * the encoded bodies, and the findings of a body come from {@link
 * org.mmsstack.mm4.mime.MimeEntity#checkData()} (a full parse then checks and decodes each body in
 * one pass as it reads it). A caller that reports findings (a validator, a capture report) asks
 * for them: with {@code checkData()} on the message's content, or with a configuration that sets
 * {@code checkBodies(true)}, which puts them among {@link Mm4Message#findings()}. Strict decoding
 * ({@link #STRICT}, or any configuration made with {@code strict(true)} that does not set {@code
 * checkBodies}) checks every body in {@code decode}, so that it fails on them there.
 */
public final class Mm4Config {

  /**
   * Lenient decoding with safe default limits; base64 and quoted-printable bodies are located by
   * {@code decode} and checked when asked ({@link #checkBodies()} false).
   */
  public static final Mm4Config DEFAULT = builder().build();

  /** The same as {@link #DEFAULT}: lenient decoding with safe default limits, bodies checked when asked. */
  public static final Mm4Config LENIENT = DEFAULT;

  /**
   * Strict decoding (ERROR findings are fatal), every body checked by {@code decode} ({@link
   * #checkBodies()} true): RFC 5322 line length (998), otherwise the default limits.
   */
  public static final Mm4Config STRICT = builder().strict(true).maxLineLength(998).build();

  private final boolean strict;
  private final int maxHeaders;
  private final int maxLineLength;
  private final int maxNestingDepth;
  private final int maxParts;
  private final long maxMessageSize;
  private final boolean checkBodies;
  // Whether checkBodies was set, rather than taken from strict: toBuilder keeps the difference.
  private final boolean checkBodiesSet;

  private Mm4Config(Builder b) {
    this.strict = b.strict;
    this.maxHeaders = b.maxHeaders;
    this.maxLineLength = b.maxLineLength;
    this.maxNestingDepth = b.maxNestingDepth;
    this.maxParts = b.maxParts;
    this.maxMessageSize = b.maxMessageSize;
    this.checkBodies = b.checkBodies != null ? b.checkBodies : b.strict;
    this.checkBodiesSet = b.checkBodies != null;
  }

  /** @return a builder with the default (lenient) settings */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder preset to this configuration */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.strict = strict;
    b.maxHeaders = maxHeaders;
    b.maxLineLength = maxLineLength;
    b.maxNestingDepth = maxNestingDepth;
    b.maxParts = maxParts;
    b.maxMessageSize = maxMessageSize;
    b.checkBodies = checkBodiesSet ? checkBodies : null;
    return b;
  }

  /** @return whether findings of severity ERROR are fatal */
  public boolean strict() {
    return strict;
  }

  /** @return the most header fields one header section (message or body part) may have */
  public int maxHeaders() {
    return maxHeaders;
  }

  /** @return the longest line, in octets without the line end, anywhere in the message */
  public int maxLineLength() {
    return maxLineLength;
  }

  /** @return how deep multiparts may nest (the message itself is depth 0) */
  public int maxNestingDepth() {
    return maxNestingDepth;
  }

  /** @return the most body parts in the whole message, all levels counted */
  public int maxParts() {
    return maxParts;
  }

  /** @return the largest message, in octets, the parser accepts */
  public long maxMessageSize() {
    return maxMessageSize;
  }

  /**
   * Whether decoding checks the transfer encoding of base64 and quoted-printable leaf bodies (the
   * alphabet, padding and escapes, and their line ends). Unless set, it follows {@link #strict()}:
   * false for {@link #DEFAULT} and {@link #LENIENT}, true for {@link #STRICT}. When true, their
   * findings are in {@link Mm4Message#findings()} and strict decoding throws at them. When false,
   * decoding only locates those bodies, and {@link org.mmsstack.mm4.mime.MimeEntity#checkData()}
   * checks them: it returns their findings, or throws in strict mode or for a body that cannot
   * be decoded. Reading the data does not check it: {@code data()} of a body that would fail
   * decodes what it can (characters outside the alphabet skipped), and the data's size is known
   * only once it is decoded. So with this off, strict mode protects what is read only where
   * {@code checkData()} is called first, and a caller that reports findings must call it (or
   * decode with this on) to report those of the bodies. Bodies of other encodings are looked at
   * by decoding either way (their line ends decide what their data is).
   *
   * @return whether decoding checks base64 and quoted-printable bodies
   */
  public boolean checkBodies() {
    return checkBodies;
  }

  /**
   * Equal when every setting is equal, including whether {@link #checkBodies()} was set or follows
   * {@link #strict()} (their builders differ when strictness is changed).
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof Mm4Config c
        && strict == c.strict
        && maxHeaders == c.maxHeaders
        && maxLineLength == c.maxLineLength
        && maxNestingDepth == c.maxNestingDepth
        && maxParts == c.maxParts
        && maxMessageSize == c.maxMessageSize
        && checkBodies == c.checkBodies
        && checkBodiesSet == c.checkBodiesSet;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        strict,
        maxHeaders,
        maxLineLength,
        maxNestingDepth,
        maxParts,
        maxMessageSize,
        checkBodies,
        checkBodiesSet);
  }

  @Override
  public String toString() {
    return "Mm4Config[strict="
        + strict
        + ", maxHeaders="
        + maxHeaders
        + ", maxLineLength="
        + maxLineLength
        + ", maxNestingDepth="
        + maxNestingDepth
        + ", maxParts="
        + maxParts
        + ", maxMessageSize="
        + maxMessageSize
        + ", checkBodies="
        + checkBodies
        + "]";
  }

  /** Builds an {@link Mm4Config}; not thread-safe. */
  public static final class Builder {
    private boolean strict;
    private int maxHeaders = 1000;
    private int maxLineLength = 10_000;
    private int maxNestingDepth = 16;
    private int maxParts = 1000;
    private long maxMessageSize = 64L * 1024 * 1024;
    // null: follows strict.
    private Boolean checkBodies;

    private Builder() {}

    /** Sets strict mode: findings of severity ERROR become exceptions. */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /** Sets the most header fields per header section (at least 1). */
    public Builder maxHeaders(int maxHeaders) {
      this.maxHeaders = positive("maxHeaders", maxHeaders);
      return this;
    }

    /** Sets the longest line in octets, without its line end (at least 78). */
    public Builder maxLineLength(int maxLineLength) {
      if (maxLineLength < 78) {
        throw new IllegalArgumentException(
            "maxLineLength: " + maxLineLength + " (expected: >= 78)");
      }
      this.maxLineLength = maxLineLength;
      return this;
    }

    /** Sets how deep multiparts may nest (at least 1). */
    public Builder maxNestingDepth(int maxNestingDepth) {
      this.maxNestingDepth = positive("maxNestingDepth", maxNestingDepth);
      return this;
    }

    /** Sets the most body parts in a message (at least 1). */
    public Builder maxParts(int maxParts) {
      this.maxParts = positive("maxParts", maxParts);
      return this;
    }

    /** Sets the largest message in octets (at least 1, at most {@code Integer.MAX_VALUE - 8}). */
    public Builder maxMessageSize(long maxMessageSize) {
      if (maxMessageSize < 1 || maxMessageSize > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(
            "maxMessageSize: "
                + maxMessageSize
                + " (expected: 1 ~ "
                + (Integer.MAX_VALUE - 8)
                + ")");
      }
      this.maxMessageSize = maxMessageSize;
      return this;
    }

    /**
     * Sets whether decoding checks base64 and quoted-printable leaf bodies (when not set: the same
     * as {@link #strict(boolean)}); see {@link Mm4Config#checkBodies()}.
     */
    public Builder checkBodies(boolean checkBodies) {
      this.checkBodies = checkBodies;
      return this;
    }

    /** @return the configuration */
    public Mm4Config build() {
      return new Mm4Config(this);
    }

    private static int positive(String name, int value) {
      if (value < 1) {
        throw new IllegalArgumentException(name + ": " + value + " (expected: >= 1)");
      }
      return value;
    }
  }
}
