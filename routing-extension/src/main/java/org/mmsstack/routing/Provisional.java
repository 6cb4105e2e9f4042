package org.mmsstack.routing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks API of the intra-MMSE routing extension that may still change incompatibly between
 * minor releases: header field names and the value syntax are fixed by the design document
 * (version 1 of the extension), but the Java types around them are new and will be adjusted
 * once the routing table and MM4 transport are merged and exercised in simulation.
 *
 * <p>Code that depends on a provisional type should pin the library version. The annotation is
 * kept at run time so that tools (and tests) can list the provisional surface.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({
  ElementType.TYPE,
  ElementType.METHOD,
  ElementType.CONSTRUCTOR,
  ElementType.FIELD,
  ElementType.PACKAGE
})
public @interface Provisional {}
