package org.mmsstack.jpmsconsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mmsstack.routing.Provisional;

/** The published modules resolve as a graph and export their API packages, nothing internal. */
class ModuleDescriptorsTest {

  private static Path location(Class<?> c) throws URISyntaxException {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static ModuleFinder everything() {
    Path[] entries =
        Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
            .map(Path::of)
            .toArray(Path[]::new);
    return ModuleFinder.of(entries);
  }

  private static Set<String> exports(String module) {
    ModuleDescriptor d = everything().find(module).map(ModuleReference::descriptor).orElseThrow();
    return d.exports().stream()
        .map(ModuleDescriptor.Exports::source)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void encapsulationExportsItsApiPackagesOnly() {
    assertEquals(
        Set.of(
            "org.mmsstack.encapsulation",
            "org.mmsstack.encapsulation.body",
            "org.mmsstack.encapsulation.value",
            "org.mmsstack.encapsulation.validate"),
        exports("org.mmsstack.encapsulation"));
  }

  @Test
  void mm4ExportsItsApiPackagesOnly() {
    assertEquals(
        Set.of(
            "org.mmsstack.mm4",
            "org.mmsstack.mm4.value",
            "org.mmsstack.mm4.mime",
            "org.mmsstack.mm4.validate",
            "org.mmsstack.mm4.smtp",
            "org.mmsstack.mm4.convert",
            "org.mmsstack.mm4.transport"),
        exports("org.mmsstack.mm4"));
  }

  @Test
  void captureExportsItsOnePackage() {
    assertEquals(Set.of("org.mmsstack.capture"), exports("org.mmsstack.capture"));
  }

  @Test
  void noModuleExportsAnInternalPackage() {
    for (String m :
        new String[] {
          "org.mmsstack.encapsulation",
          "org.mmsstack.mm4",
          "org.mmsstack.routing",
          "org.mmsstack.capture"
        }) {
      for (String p : exports(m)) {
        assertTrue(!p.contains(".internal"), m + " exports " + p);
      }
    }
  }

  /**
   * The routing extension's API may change after the release (japicmp leaves out what carries
   * {@code @Provisional}): every public type of its exported packages carries the annotation
   * itself, since the checker does not read a package's annotations.
   */
  @Test
  void everyPublicRoutingTypeIsProvisional() throws Exception {
    ModuleReference routing = everything().find("org.mmsstack.routing").orElseThrow();
    Set<String> exported = exports("org.mmsstack.routing");
    Set<String> missing = new TreeSet<>();
    int seen = 0;
    try (ModuleReader reader = routing.open()) {
      for (String resource : reader.list().collect(Collectors.toList())) {
        if (!resource.endsWith(".class") || resource.endsWith("module-info.class")) {
          continue;
        }
        String name = resource.substring(0, resource.length() - 6).replace('/', '.');
        if (name.endsWith("package-info")
            || !exported.contains(name.substring(0, name.lastIndexOf('.')))) {
          continue;
        }
        Class<?> c = Class.forName(name, false, getClass().getClassLoader());
        if (!Modifier.isPublic(c.getModifiers()) || c == Provisional.class) {
          continue;
        }
        seen++;
        // A nested type is covered by its enclosing type's annotation.
        Class<?> top = c;
        while (top.getEnclosingClass() != null) {
          top = top.getEnclosingClass();
        }
        if (!top.isAnnotationPresent(Provisional.class)) {
          missing.add(top.getName());
        }
      }
    }
    assertTrue(seen > 20, "public routing types seen: " + seen);
    assertEquals(Set.of(), missing);
  }

  @Test
  void theModuleGraphResolvesFromTheConsumer() throws URISyntaxException {
    ModuleFinder finder =
        ModuleFinder.compose(ModuleFinder.of(location(Consumer.class)), everything());
    Configuration cf =
        ModuleLayer.boot()
            .configuration()
            .resolve(finder, ModuleFinder.of(), Set.of("org.mmsstack.jpmsconsumer"));
    Set<String> names = cf.modules().stream().map(r -> r.name()).collect(Collectors.toSet());
    assertTrue(
        names.containsAll(
            Set.of(
                "org.mmsstack.encapsulation",
                "org.mmsstack.mm4",
                "org.mmsstack.routing",
                "org.mmsstack.capture")),
        names.toString());
  }
}
