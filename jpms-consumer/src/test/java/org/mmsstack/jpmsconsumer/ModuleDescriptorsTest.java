package org.mmsstack.jpmsconsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

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
