package org.mmsstack.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.mmsstack.cli.render.FindingText;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.encapsulation.validate.ValidationReport;
import org.mmsstack.routing.KeyRing;
import org.mmsstack.routing.KeyRingCodec;
import org.mmsstack.routing.RoutingDataFormatException;
import org.mmsstack.routing.data.DirectoryRoutingDataPublisher;
import org.mmsstack.routing.data.MessageIdSecrets;
import org.mmsstack.routing.data.MessageIdSecretsCodec;
import org.mmsstack.routing.data.PublishResult;
import org.mmsstack.routing.data.RoutingData;
import org.mmsstack.routing.data.RoutingDataPublishException;
import org.mmsstack.routing.data.RoutingDataPublisher;
import org.mmsstack.routing.data.RoutingDataValidator;
import org.mmsstack.routing.table.RoutingTable;
import org.mmsstack.routing.table.RoutingTableCodec;
import org.mmsstack.routing.zookeeper.ZooKeeperRoutingData;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mms routing}: the routing extension's data ({@code publish}). */
@Command(
    name = "routing",
    mixinStandardHelpOptions = true,
    description =
        "Routing data of the routing extension: publish a version (routing table, key ring, "
            + "Message-ID secrets) to the store every Relay/Server watches.",
    subcommands = {RoutingCommand.Publish.class})
final class RoutingCommand implements Runnable {

  @ParentCommand Main main;

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(main.outText);
    main.outText.flush();
  }

  /** Where to publish: exactly one of --zk and --dir. */
  static final class Store {
    @Option(
        names = "--zk",
        paramLabel = "CONNECT",
        description = "ZooKeeper connect string (host:port[,host:port...]).")
    String zk;

    @Option(
        names = "--dir",
        paramLabel = "DIR",
        description = "A watched directory (created if needed) instead of ZooKeeper.")
    Path dir;
  }

  /** {@code mms routing publish}. */
  @Command(
      name = "publish",
      mixinStandardHelpOptions = true,
      description = {
        "Validate a routing table, a key ring and the Message-ID secrets, then publish them as "
            + "one version (the table's version number) to ZooKeeper or a watched directory.",
        "A version number is used once: publishing it again with the same content changes "
            + "nothing; with other content, or a number not newer than the current one, it is "
            + "refused. Without --secrets the secrets of the store's current version are kept."
      },
      exitCodeListHeading = "%nExit status:%n",
      exitCodeList = {
        "0:published (or already published with the same content)",
        "1:findings of severity ERROR, or the version number refused",
        "2:a file or the store that cannot be read, or a usage error"
      })
  static final class Publish implements Callable<Integer> {

    @ParentCommand RoutingCommand routing;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Store store;

    @Option(
        names = "--root",
        paramLabel = "PATH",
        defaultValue = ZooKeeperRoutingData.DEFAULT_ROOT,
        description = "The root znode with --zk (default: ${DEFAULT-VALUE}).")
    String root;

    @Option(
        names = "--secrets",
        paramLabel = "FILE",
        description =
            "The Message-ID secrets file (mms-routing-secrets 1); default: those of the store's "
                + "current version.")
    Path secrets;

    @Parameters(index = "0", paramLabel = "TABLE", description = "The routing table file.")
    Path table;

    @Parameters(index = "1", paramLabel = "KEYS", description = "The key ring file.")
    Path keys;

    @Override
    public Integer call() {
      Main main = routing.main;
      PrintWriter out = main.outText;
      RoutingTable t;
      KeyRing ring;
      MessageIdSecrets s = null;
      try {
        t = RoutingTableCodec.decode(table);
        ring = KeyRingCodec.decode(keys);
        if (secrets != null) {
          s = MessageIdSecretsCodec.decode(secrets);
        }
      } catch (RoutingDataFormatException e) {
        Path file =
            e.format() == RoutingDataFormatException.Format.ROUTING_TABLE
                ? table
                : e.format() == RoutingDataFormatException.Format.KEY_RING ? keys : secrets;
        for (Finding f : e.findings()) {
          out.printf("%s: %s%n", file, FindingText.of(f, true));
        }
        if (e.unreportedCount() > 0) {
          out.printf("%s: and %d more problems%n", file, e.unreportedCount());
        }
        out.flush();
        main.err.println(
            "mms: "
                + file
                + ": not published: "
                + e.findings().size()
                + (e.findings().size() == 1 ? " error" : " errors"));
        return Main.EXIT_FINDINGS;
      } catch (NoSuchFileException e) {
        main.err.println("mms: " + e.getFile() + ": no such file");
        return Main.EXIT_UNREADABLE;
      } catch (IOException e) {
        main.err.println("mms: " + e.getMessage());
        return Main.EXIT_UNREADABLE;
      }
      try (RoutingDataPublisher publisher = open()) {
        if (s == null) {
          OptionalLong current = publisher.currentVersion();
          Optional<RoutingData> running =
              current.isPresent() ? publisher.read(current.getAsLong()) : Optional.empty();
          if (running.isEmpty()) {
            main.err.println(
                "mms: --secrets is needed: "
                    + publisher.storeDescription()
                    + " has no version yet whose secrets could be kept");
            return Main.EXIT_UNREADABLE;
          }
          s = running.get().secrets();
        }
        RoutingData data = RoutingData.of(t, ring, s);
        ValidationReport report = RoutingDataValidator.validate(data);
        for (Finding f : report.findings()) {
          out.printf("%s: %s%n", keys, FindingText.of(f, true));
        }
        out.flush();
        if (report.hasErrors()) {
          main.err.println(
              "mms: version "
                  + data.versionNumber()
                  + " not published: "
                  + report.count(org.mmsstack.encapsulation.Severity.ERROR)
                  + " errors");
          return Main.EXIT_FINDINGS;
        }
        PublishResult r = publisher.publish(data);
        out.printf(
            "%s version %d (%s) %s %s%n",
            r.outcome() == PublishResult.Outcome.PUBLISHED ? "published" : "already published:",
            r.versionNumber(),
            r.digest(),
            r.outcome() == PublishResult.Outcome.PUBLISHED ? "to" : "in",
            publisher.storeDescription());
        out.flush();
        return Main.EXIT_OK;
      } catch (RoutingDataPublishException e) {
        out.flush();
        main.err.println("mms: " + e.getMessage() + " (" + e.code() + ")");
        return Main.EXIT_FINDINGS;
      } catch (IllegalArgumentException e) {
        main.err.println("mms: " + e.getMessage());
        return Main.EXIT_UNREADABLE;
      } catch (IOException e) {
        main.err.println("mms: " + e.getMessage());
        return Main.EXIT_UNREADABLE;
      }
    }

    private RoutingDataPublisher open() throws IOException {
      if (store.dir != null) {
        return DirectoryRoutingDataPublisher.open(store.dir);
      }
      return ZooKeeperRoutingData.publisher(store.zk, root);
    }
  }
}
