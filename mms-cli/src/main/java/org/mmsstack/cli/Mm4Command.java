package org.mmsstack.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code mms mm4}: MM4 over SMTP at the border of an MMSE ({@code receive}, {@code send}). */
@Command(
    name = "mm4",
    mixinStandardHelpOptions = true,
    description =
        "MM4 over SMTP: receive MM4 mail into a directory, or send MM4 files to a peer MMSE.",
    subcommands = {Mm4ReceiveCommand.class, Mm4SendCommand.class})
final class Mm4Command implements Runnable {

  @ParentCommand Main main;

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(main.outText);
    main.outText.flush();
  }

  /**
   * Splits {@code HOST:PORT} ({@code [v6]:PORT} for IPv6 literals).
   *
   * @throws IllegalArgumentException naming the option and value when it is not of that form
   */
  static String[] hostPort(String option, String value, boolean portZeroAllowed) {
    int colon = value.lastIndexOf(':');
    String host = colon <= 0 ? "" : value.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = -1;
    try {
      port = colon < 0 ? -1 : Integer.parseInt(value.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (host.isEmpty() || port < (portZeroAllowed ? 0 : 1) || port > 65535) {
      throw new IllegalArgumentException(
          option + ": '" + value + "' (expected: HOST:PORT, e.g. 127.0.0.1:2525)");
    }
    return new String[] {host, Integer.toString(port)};
  }
}
