package org.mmsstack.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Makes the {@code mms} command objects for picocli's man page and completion script generators
 * ({@code ManPageGenerator}, {@code AutoComplete}), which the build runs on the command classes
 * (see the {@code dist} profile of this module's POM). {@link Main} has no no-argument
 * constructor, so the generators' default factory cannot make it; the subcommands are made the
 * default way, as {@link Main#run} does.
 */
public final class CommandDocsFactory implements CommandLine.IFactory {

  private final CommandLine.IFactory defaults = CommandLine.defaultFactory();

  @Override
  public <K> K create(Class<K> cls) throws Exception {
    if (cls == Main.class) {
      // Never run: the generators only read the command definitions.
      PrintWriter err =
          new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
      return cls.cast(new Main(System.in, System.out, err, false));
    }
    return defaults.create(cls);
  }
}
