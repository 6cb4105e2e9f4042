package org.mmsstack.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code mms} command: {@code decode}, {@code validate} and {@code encode} MMS PDUs.
 *
 * <p>Exit status: 0 clean, 1 at least one finding of severity ERROR (or a PDU that cannot be
 * decoded or encoded), 2 an input that cannot be read or a usage error. Bad input never ends
 * the run with a stack trace: each problem is one line, and the tool goes on with the next input.
 *
 * <p>Without a subcommand the usage goes to standard error with status 2, as {@code jq} and {@code
 * curl} do; {@code mms --help} prints it on standard output with status 0.
 */
@Command(
    name = "mms",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Decode, validate and encode binary MMS PDUs (OMA MMS Encapsulation 1.0-1.3); decode and "
            + "validate MM4 messages (3GPP TS 23.140 mail) and the routing extension fields.",
    subcommands = {
      DecodeCommand.class,
      ValidateCommand.class,
      EncodeCommand.class,
      Mm4Command.class,
      LabCommand.class,
      RoutingCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:clean",
      "1:findings of severity ERROR, or a PDU that cannot be decoded or encoded",
      "2:an input that cannot be read, or a usage error (such as no command at all)"
    })
public final class Main implements Callable<Integer> {

  /** No errors. */
  public static final int EXIT_OK = 0;

  /** At least one ERROR finding. */
  public static final int EXIT_FINDINGS = 1;

  /** Unreadable input or bad usage. */
  public static final int EXIT_UNREADABLE = 2;

  final InputStream in;
  final OutputStream out;
  final PrintWriter outText;
  final PrintWriter err;

  /** Whether standard output is a terminal: binary output is refused there. */
  final boolean stdoutTerminal;

  /** Whether standard error is a terminal: progress is shown there. */
  final boolean stderrTerminal;

  Main(InputStream in, OutputStream out, PrintWriter err, boolean terminal) {
    this(in, out, err, terminal, terminal);
  }

  Main(
      InputStream in,
      OutputStream out,
      PrintWriter err,
      boolean stdoutTerminal,
      boolean stderrTerminal) {
    this.in = in;
    this.out = out;
    this.outText = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false);
    this.err = err;
    this.stdoutTerminal = stdoutTerminal;
    this.stderrTerminal = stderrTerminal;
  }

  /** Without a subcommand: the usage on standard error, and a usage error status. */
  @Override
  public Integer call() {
    err.println("mms: no command given");
    new CommandLine(this).usage(err);
    err.flush();
    return EXIT_UNREADABLE;
  }

  public static void main(String[] args) {
    int status;
    try {
      status = run(args, System.in, System.out, System.err, Terminals.stdout(), Terminals.stderr());
    } catch (Error e) {
      // The execution exception handler sees exceptions only. An error (a class missing from the
      // class path, out of memory) must still end the process with one line: a library may have
      // installed a default handler that swallows it, and its non-daemon threads would keep the
      // JVM alive with nothing said.
      System.err.println("mms: internal error: " + e);
      status = EXIT_UNREADABLE;
    }
    System.exit(status);
  }

  /**
   * Runs the tool in-process, with standard output and standard error both terminals or both
   * not.
   *
   * @param terminal whether standard output and standard error are terminals
   * @return the exit status
   */
  public static int run(
      String[] args, InputStream in, OutputStream out, PrintStream err, boolean terminal) {
    return run(args, in, out, err, terminal, terminal);
  }

  /**
   * Runs the tool in-process.
   *
   * @param stdoutTerminal whether standard output is a terminal (binary output is refused)
   * @param stderrTerminal whether standard error is a terminal (progress is shown)
   * @return the exit status
   */
  public static int run(
      String[] args,
      InputStream in,
      OutputStream out,
      PrintStream err,
      boolean stdoutTerminal,
      boolean stderrTerminal) {
    PrintWriter errWriter =
        new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    Main main = new Main(in, out, errWriter, stdoutTerminal, stderrTerminal);
    CommandLine cl = commandLine(main, args);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setOut(main.outText);
    cl.setErr(errWriter);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          // The last line of defence: one line, never a stack trace.
          main.outText.flush();
          errWriter.println("mms: internal error: " + e);
          return EXIT_UNREADABLE;
        });
    int status;
    try {
      status = cl.execute(args);
    } finally {
      main.outText.flush();
      errWriter.flush();
    }
    return status;
  }

  /**
   * The command line for these arguments. When the first argument names a subcommand, only that
   * one is set up under a bare {@code mms}: picocli reads every option of every command it is
   * given by reflection, which costs a short run more CPU than its work. Otherwise (no command,
   * {@code --help}, {@code help}, a mistyped name) the whole tree is set up, so that the usage and
   * the suggestions name every command.
   */
  static CommandLine commandLine(Main main, String[] args) {
    Command top = Main.class.getAnnotation(Command.class);
    if (args.length > 0) {
      for (Class<?> c : top.subcommands()) {
        Command sub = c.getAnnotation(Command.class);
        if (c != CommandLine.HelpCommand.class
            && sub != null
            && (sub.name().equals(args[0]) || Arrays.asList(sub.aliases()).contains(args[0]))) {
          CommandSpec spec = CommandSpec.wrapWithoutInspection(main);
          spec.name(top.name());
          spec.mixinStandardHelpOptions(true);
          CommandLine cl = new CommandLine(spec);
          cl.addSubcommand(c);
          return withVersion(cl);
        }
      }
    }
    return withVersion(new CommandLine(main));
  }

  /**
   * Every command offers {@code -V} through the standard help options; without a version provider
   * of its own, picocli would answer {@code mms validate -V} with an empty line. Each command of
   * the tree answers with the tool's version instead.
   */
  private static CommandLine withVersion(CommandLine cl) {
    cl.getCommandSpec().versionProvider(VERSION);
    for (CommandLine sub : cl.getSubcommands().values()) {
      withVersion(sub);
    }
    return cl;
  }

  private static final Version VERSION = new Version();

  /** The version from the jar manifest (or "development" when run from classes). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"mms " + (v == null ? "(development build)" : v)};
    }
  }
}
