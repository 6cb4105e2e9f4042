package org.mmsstack.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a standard stream of this process is a terminal, asked of that stream itself.
 *
 * <p>{@code System.console()} cannot tell: on JDK 17 to 21 it is null whenever standard input
 * <em>or</em> output is redirected (so {@code mms decode --json x | mms encode -} looked like no
 * terminal and wrote raw octets to the screen), and from JDK 22 on it is non-null even when
 * output goes to a file. Linux names the file behind each descriptor in {@code /proc/self/fd}; a
 * terminal is a tty or pseudo-terminal device. Where there is no {@code /proc}, the answer falls
 * back to {@code System.console() != null}.
 */
final class Terminals {

  private static final Path FDS = Path.of("/proc/self/fd");

  private Terminals() {}

  /** Whether standard output (descriptor 1) is a terminal. */
  static boolean stdout() {
    return isTerminal(1);
  }

  /** Whether standard error (descriptor 2) is a terminal. */
  static boolean stderr() {
    return isTerminal(2);
  }

  @SuppressWarnings("SystemConsoleNull") // the fallback's meaning on JDK 17 to 21, said above
  private static boolean isTerminal(int fd) {
    if (!Files.isDirectory(FDS)) {
      return System.console() != null;
    }
    try {
      return isTerminalDevice(Files.readSymbolicLink(FDS.resolve(Integer.toString(fd))).toString());
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false; // a descriptor we cannot name is no terminal we can draw on
    }
  }

  /** Whether a device path names a terminal: a pseudo-terminal, a tty or the console. */
  static boolean isTerminalDevice(String path) {
    return path.startsWith("/dev/pts/")
        || path.startsWith("/dev/tty")
        || path.equals("/dev/console");
  }
}
