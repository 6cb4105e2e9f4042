package org.mmsstack.cli.input;

import java.util.List;

/** A file that is one binary MMS PDU: it starts with X-Mms-Message-Type (0x8C). */
public final class RawPduSource implements InputSource {

  @Override
  public boolean accepts(String fileName, byte[] content) {
    return content.length > 0 && (content[0] & 0xFF) == 0x8C;
  }

  @Override
  public List<InputItem> read(String fileName, byte[] content) {
    return List.of(InputItem.pdu(fileName, null, content));
  }
}
