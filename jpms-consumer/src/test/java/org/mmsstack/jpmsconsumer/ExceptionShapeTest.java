package org.mmsstack.jpmsconsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mmsstack.capture.CaptureFormatException;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.mm4.Mm4FormatException;
import org.mmsstack.mm4.convert.ConversionException;
import org.mmsstack.mm4.smtp.SmtpException;
import org.mmsstack.routing.RoutingDataFormatException;
import org.mmsstack.routing.RoutingFieldException;
import org.mmsstack.routing.data.RoutingDataPublishException;

/**
 * Every exception of the library modules has the shape CONTRIBUTING describes, seen from a
 * consumer of all of them: final, no public constructor (static factories), a {@code reason()}
 * whose {@code Reason} enum gives each constant a stable kebab-case {@code code()} and takes it
 * back with {@code Reason.fromCode(code)}. A new exception is added here.
 */
class ExceptionShapeTest {

  private static final List<Class<? extends Exception>> EXCEPTIONS =
      List.of(
          PduFormatException.class,
          Mm4FormatException.class,
          SmtpException.class,
          ConversionException.class,
          CaptureFormatException.class,
          RoutingDataFormatException.class,
          RoutingDataPublishException.class,
          RoutingFieldException.class);

  @Test
  void everyExceptionHasTheOneShape() throws ReflectiveOperationException {
    for (Class<? extends Exception> c : EXCEPTIONS) {
      assertTrue(Modifier.isFinal(c.getModifiers()), c + " is final");
      assertEquals(0, c.getConstructors().length, c + " has no public constructor");
      Class<?> reason = c.getMethod("reason").getReturnType();
      assertTrue(reason.isEnum(), c + ".reason() returns an enum");
      assertEquals("Reason", reason.getSimpleName(), c + ".reason()");
      assertEquals(c, reason.getEnclosingClass(), reason + " is nested in " + c);
      Method code = reason.getMethod("code");
      Method fromCode = reason.getMethod("fromCode", String.class);
      assertTrue(Modifier.isStatic(fromCode.getModifiers()), fromCode + " is static");
      for (Object r : reason.getEnumConstants()) {
        String kebab = ((Enum<?>) r).name().toLowerCase(Locale.ROOT).replace('_', '-');
        assertEquals(kebab, code.invoke(r), r + " of " + c);
        assertEquals(Optional.of(r), fromCode.invoke(null, kebab), r + " of " + c);
      }
      assertEquals(Optional.empty(), fromCode.invoke(null, "no-such-reason"), c.toString());
      assertEquals(Optional.empty(), fromCode.invoke(null, "MALFORMED"), c + ": codes only");
    }
  }
}
