package org.mmsstack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * validate --html: one self-contained page, checked as a browser shows it. Headless Chromium
 * loads the report of the samples and dumps the DOM after the page's script ran; the test reads
 * what the script drew (hex dumps with findings marked, the status line), not only the HTML
 * written. Without Chromium the browser test is skipped, unless MMSSTACK_REQUIRE_BROWSER=1 (CI).
 */
class HtmlReportTest {

  @TempDir Path dir;

  private Path report() throws Exception {
    Path html = dir.resolve("report.html");
    Tool.Outcome o =
        Tool.run(
                "validate",
                "-q",
                "--html",
                html.toString(),
                SamplesTest.SAMPLES.toString(),
                FiltersAndFieldsTest.writeMixed(dir.resolve("mixed.mms")).toString())
            .assertNoStackTrace();
    assertEquals(1, o.status(), o::stderr);
    assertTrue(o.stdout().contains("Summary"), "the text summary still goes to standard output");
    return html;
  }

  @Test
  void theReportIsOneFileThatFetchesNothing() throws Exception {
    String page = Files.readString(report());
    assertTrue(page.startsWith("<!DOCTYPE html>"), page);
    for (String fetch :
        List.of("src=", "href=\"http", "href='http", "@import", "url(", "<link", "fetch(")) {
      assertFalse(page.contains(fetch), "fetches something: " + fetch);
    }
    assertTrue(page.contains("<svg id=\"chart-codes\""), "the chart is inline SVG");
    assertTrue(page.contains("<svg id=\"chart-types\""), "per message type too");
    assertTrue(page.contains("id=\"summary\""));
  }

  @Test
  void chromiumShowsTheHexDumpsWithTheFindingsMarked() throws Exception {
    String browser = browser();
    Path html = report();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--user-data-dir=" + dir.resolve("profile"),
                "--dump-dom",
                html.toUri().toString()));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    p.getOutputStream().close();
    String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
    // The script ran: the status line it fills, with the counts it drew.
    Matcher status =
        Pattern.compile(
                "<p id=\"status\" data-rendered=\"true\">Shown: (\\d+) PDUs and messages, (\\d+)"
                    + " findings, (\\d+) marked on hex dumps")
            .matcher(dom);
    assertTrue(status.find(), dom.length() > 4000 ? dom.substring(0, 4000) : dom);
    assertTrue(Integer.parseInt(status.group(1)) >= 10, status.group());
    assertTrue(Integer.parseInt(status.group(3)) >= 1, status.group());
    // The broken sample's finding at offset 65 is outlined on its hex dump, inside the
    // highlighted X-Mms-Content-Location header it belongs to.
    assertTrue(
        Pattern.compile(
                "<span class=\"hdr at ERROR\" id=\"o-\\d+-65\" title=\"undecodable-unterminated-text:")
            .matcher(dom)
            .find(),
        "finding at 65 not marked");
    // Its header's first octet (0x83, Content-Location, at 64) is highlighted, not outlined.
    assertTrue(
        Pattern.compile("<span class=\"hdr\" id=\"o-\\d+-64\" title=\"X-Mms-Content-Location\">83<")
            .matcher(dom)
            .find(),
        "header not highlighted");
    assertTrue(dom.contains("<rect"), "the chart is in the page");
  }

  private static String browser() {
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        Path p = Path.of(d, name);
        if (Files.isExecutable(p)) {
          return p.toString();
        }
      }
    }
    if ("1".equals(System.getenv("MMSSTACK_REQUIRE_BROWSER"))) {
      throw new IllegalStateException("MMSSTACK_REQUIRE_BROWSER=1 but no chromium on the PATH");
    }
    assumeTrue(false, "no chromium on the PATH: the browser test is skipped");
    return null;
  }
}
