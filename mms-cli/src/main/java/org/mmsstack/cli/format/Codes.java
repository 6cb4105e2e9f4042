package org.mmsstack.cli.format;

import java.util.Locale;

/** Enum constants in the form finding codes use, so that every code the tool prints is spelled alike. */
public final class Codes {

  private Codes() {}

  /**
   * {@code MALFORMED_VALUE} as {@code malformed-value}: the form of the codec validator's codes
   * ({@code undecodable-truncated}). Lower-cased in the root locale, since in a Turkish locale
   * {@code I} becomes a dotless {@code ı} and programs matching the codes would miss them.
   */
  public static String kebab(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
