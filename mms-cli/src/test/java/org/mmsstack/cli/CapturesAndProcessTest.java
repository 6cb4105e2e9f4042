package org.mmsstack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsstack.capture.CaptureWriter;
import org.mmsstack.cli.samples.SampleCapture;

/** Generated captures with problems, usage errors, and the tool as a real process. */
class CapturesAndProcessTest {

  @TempDir Path dir;

  @Test
  void aTruncatedCaptureGivesAFindingAndTheRestGoesOn() throws Exception {
    byte[] pcap = Files.readAllBytes(SamplesTest.SAMPLES.resolve("mms-exchange.pcap"));
    Path cut = dir.resolve("cut.pcap");
    Files.write(cut, Arrays.copyOf(pcap, pcap.length * 2 / 3));
    Path next = SamplesTest.SAMPLES.resolve("m-delivery-ind.mms");
    Tool.Outcome o = Tool.run("validate", cut.toString(), next.toString()).assertNoStackTrace();
    assertEquals(1, o.status(), o::stdout);
    assertTrue(
        o.stdout()
            .matches(
                "(?s)"
                    + java.util.regex.Pattern.quote(cut.toString())
                    + " \\[offset \\d+\\]: ERROR truncated-capture: frame \\d+: .*"),
        o::stdout);
    assertTrue(
        o.stdout().contains("    m-delivery-ind            1"),
        o::stdout); // the next input was read
  }

  @Test
  void aNonMmsHttpBodyIsAFindingNotACrash() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] notMms = "This is not an MMS PDU at all".getBytes(StandardCharsets.US_ASCII);
    SampleCapture.writeSample(out, CaptureWriter.Format.PCAPNG, List.of(notMms));
    Path f = dir.resolve("garbage.pcapng");
    Files.write(f, out.toByteArray());
    Tool.Outcome o = Tool.run("validate", f.toString()).assertNoStackTrace();
    assertEquals(1, o.status(), o::stdout);
    assertTrue(o.stdout().contains("[frame 4, "), o::stdout);
    assertTrue(
        o.stdout()
            .contains(
                "ERROR at 0 an MMS PDU starts with X-Mms-Message-Type (0x8C) (undecodable-not-a-pdu)"),
        o::stdout);
    Tool.Outcome hex = Tool.run("decode", "--hex", f.toString()).assertNoStackTrace();
    assertEquals(1, hex.status());
  }

  /** A frame captured at the epoch itself keeps its time (it is not "no time"). */
  @Test
  void aFrameCapturedAtTheEpochKeepsItsTime() throws Exception {
    byte[] pdu = Files.readAllBytes(SamplesTest.SAMPLES.resolve("m-notification-ind.mms"));
    byte[] push =
        org.mmsstack.capture.WspPushCodec.encode(org.mmsstack.capture.WspPush.mms(1, pdu));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CaptureWriter w = new CaptureWriter(out, CaptureWriter.Format.PCAP)) {
      w.writeFrame(
          java.time.Instant.EPOCH,
          CaptureWriter.udpFrame(
              new java.net.InetSocketAddress("10.0.0.9", 9200),
              new java.net.InetSocketAddress("10.0.0.1", 2948),
              push));
    }
    Path f = dir.resolve("epoch.pcap");
    Files.write(f, out.toByteArray());
    Tool.Outcome o = Tool.run("validate", "--json", f.toString()).assertNoStackTrace();
    assertEquals(0, o.status(), o::stdout);
    assertTrue(o.stdout().contains("\"timestamp\":\"1970-01-01T00:00:00Z\""), o::stdout);
  }

  @Test
  void missingFilesAndUnknownFormatsAreUnreadable() throws Exception {
    Path text = dir.resolve("notes.txt");
    Files.writeString(text, "nothing to see\n");
    Tool.Outcome o =
        Tool.run(
                "validate",
                dir.resolve("absent.mms").toString(),
                text.toString(),
                SamplesTest.SAMPLES.resolve("m-send-conf.mms").toString())
            .assertNoStackTrace();
    assertEquals(2, o.status());
    assertEquals(2, o.stderr().lines().count(), o::stderr);
    assertTrue(o.stderr().contains("absent.mms: no such file"), o::stderr);
    assertTrue(o.stdout().matches("(?s).*  unreadable inputs +2\n.*"), o::stdout);
    assertTrue(o.stdout().matches("(?s).*    m-send-conf +1\n.*"), o::stdout);
  }

  @Test
  void usageErrorsExitTwo() {
    Tool.Outcome o = Tool.run("decode", "--no-such-option", "x").assertNoStackTrace();
    assertEquals(2, o.status());
    assertTrue(o.stderr().contains("Unknown option"), o::stderr);
    assertEquals(2, Tool.run("frobnicate").status());
    Tool.Outcome help = Tool.run("--help");
    assertEquals(0, help.status());
    assertTrue(
        help.stdout().contains("decode")
            && help.stdout().contains("validate")
            && help.stdout().contains("encode"),
        help::stdout);
  }

  @Test
  void runsAsARealProcess() throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Path jar = Path.of("target", "mms.jar");
    if (Files.isRegularFile(jar)) {
      cmd.addAll(List.of("-jar", jar.toString()));
    } else {
      cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    }
    List<String> ok = new ArrayList<>(cmd);
    ok.addAll(List.of("decode", SamplesTest.SAMPLES.resolve("m-read-orig-ind.mms").toString()));
    Process p = new ProcessBuilder(ok).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("X-Mms-Read-Status: Read (0x80)"), out);

    List<String> bad = new ArrayList<>(cmd);
    bad.addAll(
        List.of(
            "validate",
            SamplesTest.SAMPLES.resolve("broken-truncated-notification.mms").toString()));
    Process q = new ProcessBuilder(bad).start();
    String err = new String(q.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    q.getInputStream().readAllBytes();
    assertTrue(q.waitFor(60, TimeUnit.SECONDS));
    assertEquals(1, q.exitValue());
    assertTrue(err.isEmpty(), err);
  }
}
