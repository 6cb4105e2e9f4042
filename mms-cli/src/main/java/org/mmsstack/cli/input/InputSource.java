package org.mmsstack.cli.input;

import java.util.List;

/**
 * A kind of input file the tool can take PDUs from: a raw PDU, a hex dump, a WSP push, a
 * packet capture. Each source judges by the file's octets whether it is its kind.
 */
public interface InputSource {

  /** Whether this source reads the file, judged by its name and content. */
  boolean accepts(String fileName, byte[] content);

  /**
   * The PDUs (and problems) in the file. Never throws for bad content: a truncated or corrupt
   * file gives {@link InputItem#defect} or {@link InputItem#unreadable} items.
   */
  List<InputItem> read(String fileName, byte[] content);
}
