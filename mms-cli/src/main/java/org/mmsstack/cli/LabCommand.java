package org.mmsstack.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mmsstack.lab.Lab;
import org.mmsstack.lab.LabConfig;
import org.mmsstack.lab.LabReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code mms lab}: runs the routing lab (mms-lab) and prints its accounting. */
@Command(
    name = "lab",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Start extended and legacy MMS Relay/Servers on loopback ports (MM1 over HTTP, MM4 over SMTP, "
          + "the routing extension between extended nodes), publish the routing data in a ZooKeeper "
          + "server started in this process (a real ensemble with --zk, a watched directory with "
          + "--store directory), let simulated phones send seeded multi-recipient messages, publish a second "
          + "table version and restart one node in the middle, wait for quiescence and account for "
          + "every (message, recipient) and every report.",
      "Progress goes to standard error; the summary to standard output (with --json, one JSON object "
          + "on the last line). Exit status 0: delivered == recipients, no duplicates, nothing lost, "
          + "every report home; 1: any of these broken or no quiescence before --timeout; 2: bad "
          + "options, or a port or the routing store could not be set up."
    })
final class LabCommand implements Callable<Integer> {

  @ParentCommand private Main main;

  @Option(
      names = "--relays",
      paramLabel = "N",
      description = "Extended Relay/Servers (default: 3).")
  private int relays = 3;

  @Option(names = "--legacy", paramLabel = "K", description = "Legacy Relay/Servers (default: 1).")
  private int legacy = 1;

  @Option(names = "--messages", paramLabel = "M", description = "Messages to send (default: 40).")
  private int messages = 40;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Seed of topology and traffic (default: 11).")
  private long seed = 11;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "Fail when the run is not quiescent after this long (default: 600).")
  private long timeoutSeconds = 600;

  @Option(
      names = "--zk",
      paramLabel = "CONNECT",
      description =
          "Publish and watch the routing data in this ZooKeeper ensemble (host:port,...) instead of "
              + "a temporary directory; each run uses a fresh root under /mmsstack/routing-lab.")
  private String zk;

  @Option(
      names = "--store",
      paramLabel = "STORE",
      description =
          "Where the routing data is published without --zk: zookeeper (default: a ZooKeeper "
              + "server in this process, on a loopback port) or directory (a watched temporary "
              + "directory).")
  private String store = "zookeeper";

  @Option(names = "--json", description = "Print the summary as one JSON object on the last line.")
  private boolean json;

  /**
   * The routing data sources log each version they install (INFO); the lab prints its own
   * progress, so only their warnings are shown. Held here: a logger's level lives as long as a
   * strong reference to it.
   */
  private static final Logger SOURCES = Logger.getLogger("org.mmsstack.routing.data");

  private static boolean embeddedStore(String store) {
    return switch (store) {
      case "zookeeper" -> true;
      case "directory" -> false;
      default ->
          throw new IllegalArgumentException(
              "--store must be zookeeper or directory, not " + store);
    };
  }

  @Override
  public Integer call() {
    SOURCES.setLevel(Level.WARNING);
    LabConfig config;
    try {
      if (timeoutSeconds <= 0) {
        throw new IllegalArgumentException("--timeout must be positive, not " + timeoutSeconds);
      }
      config =
          LabConfig.builder()
              .relays(relays)
              .legacy(legacy)
              .messages(messages)
              .seed(seed)
              .timeout(Duration.ofSeconds(timeoutSeconds))
              .zooKeeper(zk)
              .embeddedZooKeeper(zk == null && embeddedStore(store))
              .build();
    } catch (IllegalArgumentException e) {
      main.err.println("mms lab: " + e.getMessage());
      return Main.EXIT_UNREADABLE;
    }
    LabReport report;
    try {
      report =
          Lab.run(
              config,
              line -> {
                main.err.println("mms lab: " + line);
                main.err.flush();
              });
    } catch (IOException e) {
      main.err.println("mms lab: " + e.getMessage());
      return Main.EXIT_UNREADABLE;
    }
    for (String line : report.summaryLines()) {
      main.outText.println(line);
    }
    if (json) {
      try {
        main.outText.println(new ObjectMapper().writeValueAsString(report.toMap()));
      } catch (JsonProcessingException e) {
        main.err.println("mms lab: " + e.getMessage());
        return Main.EXIT_UNREADABLE;
      }
    }
    main.outText.flush();
    return report.passed() ? Main.EXIT_OK : Main.EXIT_FINDINGS;
  }
}
