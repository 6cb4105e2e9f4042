package org.mmsstack.mm4.internal;

import java.util.Optional;
import java.util.function.Function;
import org.mmsstack.mm4.internal.mime.Syntax;

/** Token lookup shared by the enums of MM4 header values: one rule for every set. */
public final class Tokens {

  private Tokens() {}

  /**
   * The constant whose token matches, ignoring case and surrounding white space (header values
   * arrive in any case: the captures show {@code Yes}, {@code yes} and {@code YES}).
   */
  public static <E> Optional<E> find(E[] values, Function<E, String> tokenOf, String token) {
    if (token == null) {
      return Optional.empty();
    }
    String t = Syntax.strip(token);
    for (E v : values) {
      if (tokenOf.apply(v).equalsIgnoreCase(t)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
