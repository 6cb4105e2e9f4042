package org.mmsstack.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of README.md, with the imports it lists, compiles against the
 * library modules and runs. A block is a sequence of statements, optionally led by its import
 * lines; it may use the variables {@link ReadmeFixtures} declares. A failure names the snippet and
 * the README line it comes from.
 */
class ReadmeSnippetsTest {

  /** One code block: its position in README.md and its lines. */
  record Snippet(int number, int firstLine, List<String> lines) {

    int lastLine() {
      return firstLine + lines.size() - 1;
    }

    String describe() {
      return "README.md snippet " + number + " (lines " + firstLine + "-" + lastLine() + ")";
    }
  }

  @TempDir Path out;

  private static Path readme() {
    return ReadmeFixtures.root().resolve("README.md");
  }

  /** The {@code ```java} blocks of a Markdown text, in order; line numbers count from 1. */
  static List<Snippet> snippets(List<String> markdown) {
    List<Snippet> found = new ArrayList<>();
    int i = 0;
    while (i < markdown.size()) {
      if (markdown.get(i).strip().equals("```java")) {
        int first = i + 1;
        int end = first;
        while (end < markdown.size() && !markdown.get(end).strip().startsWith("```")) {
          end++;
        }
        if (end == markdown.size()) {
          throw new AssertionError("README.md line " + (i + 1) + ": a ```java block is not closed");
        }
        found.add(
            new Snippet(found.size() + 1, first + 1, List.copyOf(markdown.subList(first, end))));
        i = end + 1;
      } else {
        i++;
      }
    }
    return found;
  }

  @Test
  void readmeHasJavaSnippets() throws IOException {
    assertFalse(
        snippets(Files.readAllLines(readme(), StandardCharsets.UTF_8)).isEmpty(),
        "no ```java block found in " + readme());
  }

  @TestFactory
  Stream<DynamicTest> everyReadmeSnippetCompilesAndRuns() throws IOException {
    List<Snippet> all = snippets(Files.readAllLines(readme(), StandardCharsets.UTF_8));
    return all.stream()
        .map(
            s ->
                DynamicTest.dynamicTest(
                    "snippet " + s.number() + " at README.md line " + s.firstLine(),
                    () -> compileAndRun(s)));
  }

  @Test
  void compileErrorNamesTheReadmeLine() {
    Snippet bad =
        new Snippet(
            98,
            100,
            List.of(
                "import java.util.List;", "", "List<String> x = List.of();", "x.noSuchMethod();"));
    AssertionError e = assertThrows(AssertionError.class, () -> compileAndRun(bad));
    assertTrue(
        e.getMessage().contains("README.md snippet 98 (lines 100-103)")
            && e.getMessage().contains("README.md line 103: "),
        e.getMessage());
  }

  @Test
  void runtimeFailureNamesTheReadmeLine() {
    Snippet bad =
        new Snippet(
            99,
            200,
            List.of(
                "int n = bytes.length;",
                "if (n >= 0) { throw new IllegalStateException(\"from the snippet\"); }"));
    AssertionError e = assertThrows(AssertionError.class, () -> compileAndRun(bad));
    assertTrue(
        e.getMessage().contains("from the snippet")
            && e.getMessage().contains("at README.md line 201"),
        e.getMessage());
  }

  /** The generated class of a snippet, and the README line of each of its lines (0: harness). */
  record Unit(String className, String source, int[] readmeLine) {}

  static Unit unit(Snippet s) {
    String name = "ReadmeSnippet" + s.number();
    List<String> src = new ArrayList<>();
    List<Integer> map = new ArrayList<>();
    int k = 0;
    while (k < s.lines().size()
        && (s.lines().get(k).isBlank() || s.lines().get(k).startsWith("import "))) {
      src.add(s.lines().get(k));
      map.add(s.firstLine() + k);
      k++;
    }
    for (String line :
        List.of(
            "public final class " + name + " {",
            ReadmeFixtures.PRELUDE,
            "  public static void run() throws Exception {")) {
      for (String l : line.split("\n", -1)) {
        src.add(l);
        map.add(0);
      }
    }
    for (int j = k; j < s.lines().size(); j++) {
      src.add(s.lines().get(j));
      map.add(s.firstLine() + j);
    }
    src.add("  }");
    map.add(0);
    src.add("}");
    map.add(0);
    return new Unit(
        name, String.join("\n", src) + "\n", map.stream().mapToInt(Integer::intValue).toArray());
  }

  private void compileAndRun(Snippet s) throws Exception {
    Unit u = unit(s);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Path classes = Files.createDirectories(out.resolve("snippet" + s.number()));
    boolean ok;
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
      JavaFileObject source =
          new SimpleJavaFileObject(
              URI.create("string:///" + u.className() + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
              return u.source();
            }
          };
      List<String> options =
          List.of("--release", "17", "-proc:none", "-classpath", testClassPath());
      ok = javac.getTask(null, files, diagnostics, options, null, List.of(source)).call();
    }
    if (!ok) {
      StringBuilder why = new StringBuilder(s.describe()).append(" does not compile:");
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          why.append("\n  ")
              .append(where(u, d.getLineNumber()))
              .append(": ")
              .append(d.getMessage(Locale.ROOT));
        }
      }
      fail(why.toString());
    }
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, ReadmeSnippetsTest.class.getClassLoader())) {
      Class<?> c = Class.forName(u.className(), true, loader);
      c.getMethod("run").invoke(null);
    } catch (ExceptionInInitializerError e) {
      throw new AssertionError(s.describe() + ": a fixture of ReadmeFixtures failed", e.getCause());
    } catch (InvocationTargetException e) {
      Throwable t = e.getCause();
      long line = 0;
      for (StackTraceElement f : t.getStackTrace()) {
        if (f.getClassName().equals(u.className())) {
          line = f.getLineNumber();
          break;
        }
      }
      throw new AssertionError(s.describe() + " threw " + t + " at " + where(u, line), t);
    }
  }

  private static String where(Unit u, long generatedLine) {
    int i = (int) generatedLine - 1;
    if (i >= 0 && i < u.readmeLine().length && u.readmeLine()[i] > 0) {
      return "README.md line " + u.readmeLine()[i];
    }
    return "the harness around it (line " + generatedLine + " of " + u.className() + ")";
  }

  private static String testClassPath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp != null && !cp.isEmpty() ? cp : System.getProperty("java.class.path");
  }
}
