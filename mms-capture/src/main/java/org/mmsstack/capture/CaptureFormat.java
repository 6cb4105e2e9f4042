package org.mmsstack.capture;

/** The kinds of input this package reads, told apart by content (never by file name). */
public enum CaptureFormat {
  /** A libpcap file: either byte order, microsecond, nanosecond or the modified (Kuznetzov) magic. */
  PCAP,
  /** A pcapng file: starts with a Section Header Block. */
  PCAPNG,
  /**
   * gzip-compressed data (magic 0x1F 0x8B), read as a compressed pcap or pcapng file; a read
   * reports the format found inside.
   */
  GZIP,
  /** A connectionless WSP Push/ConfirmedPush PDU (TID, 0x06/0x07, headers, body). */
  WSP_PUSH,
  /** A bare MMS PDU: X-Mms-Message-Type (0x8C) first, with a value 0x80-0x97. */
  MMS_PDU,
  /** Hex text: xxd or hexdump -C output, or plain hex digits with whitespace. */
  HEX_TEXT,
  /** None of the above. */
  UNKNOWN;

  /**
   * Tells what {@code data} is, by content. Cheap for captures and PDUs (a few octets are looked
   * at); WSP pushes are checked by decoding their envelope and hex text by scanning it. The array
   * is not changed.
   */
  public static CaptureFormat detect(byte[] data) {
    if (data.length >= 2 && (data[0] & 0xFF) == 0x1F && (data[1] & 0xFF) == 0x8B) {
      return GZIP;
    }
    if (data.length >= 4) {
      int be =
          ((data[0] & 0xFF) << 24)
              | ((data[1] & 0xFF) << 16)
              | ((data[2] & 0xFF) << 8)
              | (data[3] & 0xFF);
      if (PcapFrames.isMagic(be) || PcapFrames.isMagic(Integer.reverseBytes(be))) {
        return PCAP;
      }
      if (be == PcapngFrames.SHB) {
        if (data.length < 12) {
          return PCAPNG;
        }
        int bom =
            ((data[8] & 0xFF) << 24)
                | ((data[9] & 0xFF) << 16)
                | ((data[10] & 0xFF) << 8)
                | (data[11] & 0xFF);
        if (bom == PcapngFrames.BYTE_ORDER_MAGIC
            || Integer.reverseBytes(bom) == PcapngFrames.BYTE_ORDER_MAGIC) {
          return PCAPNG;
        }
      }
    }
    if (data.length >= 2
        && (data[0] & 0xFF) == 0x8C
        && (data[1] & 0xFF) >= 0x80
        && (data[1] & 0xFF) <= 0x97) {
      return MMS_PDU;
    }
    if (data.length >= 3 && (data[1] == WspPush.PUSH || data[1] == WspPush.CONFIRMED_PUSH)) {
      try {
        WspPushCodec.decode(data);
        return WSP_PUSH;
      } catch (CaptureFormatException e) {
        // not a push: fall through to the text check
      }
    }
    if (HexText.isHex(data)) {
      return HEX_TEXT;
    }
    return UNKNOWN;
  }
}
