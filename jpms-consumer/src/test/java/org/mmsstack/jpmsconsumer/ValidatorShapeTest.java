package org.mmsstack.jpmsconsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.validate.PduValidator;
import org.mmsstack.encapsulation.validate.ValidationReport;
import org.mmsstack.mm4.validate.Mm4Validator;
import org.mmsstack.routing.data.RoutingDataValidator;

/**
 * Every validator has the one shape CONTRIBUTING describes, seen from a consumer of all the
 * modules: final, no instances, static {@code validate(...)} methods returning a {@link
 * ValidationReport}, and, where the format has a codec, {@code undecodable(exception)} giving the
 * one {@link Finding} of undecodable input. Each module's own tests check its null arguments.
 */
class ValidatorShapeTest {

  @Test
  void pduValidator() {
    assertShape(
        PduValidator.class,
        "undecodable(PduFormatException)",
        "validate(byte[])",
        "validate(byte[],DecodeConfig)",
        "validate(Pdu)",
        "validate(Pdu,DecodeConfig)");
  }

  @Test
  void mm4Validator() {
    assertShape(
        Mm4Validator.class,
        "undecodable(Mm4FormatException)",
        "validate(byte[])",
        "validate(byte[],Mm4Config)",
        "validate(Mm4Message)");
  }

  @Test
  void routingDataValidator() {
    assertShape(
        RoutingDataValidator.class, "validate(RoutingData)", "validate(RoutingData,Instant)");
  }

  private static void assertShape(Class<?> c, String... expected) {
    assertTrue(Modifier.isFinal(c.getModifiers()), c + " is final");
    assertEquals(0, c.getConstructors().length, c + " has no public constructor");
    Set<String> signatures = new TreeSet<>();
    for (Method m : c.getMethods()) {
      if (m.getDeclaringClass() != c) {
        continue;
      }
      assertTrue(Modifier.isStatic(m.getModifiers()), m::toString);
      assertEquals(
          m.getName().equals("undecodable") ? Finding.class : ValidationReport.class,
          m.getReturnType(),
          m::toString);
      signatures.add(
          m.getName()
              + Arrays.stream(m.getParameterTypes())
                  .map(Class::getSimpleName)
                  .collect(Collectors.joining(",", "(", ")")));
    }
    assertEquals(Set.of(expected), signatures, c::toString);
  }
}
