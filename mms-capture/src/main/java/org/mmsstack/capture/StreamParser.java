package org.mmsstack.capture;

/** What TCP reassembly feeds the in-order octets of one direction to. */
interface StreamParser {
  /** Octets of memory held, by buffer capacity. */
  long buffered();

  /** Octets of stream data held (what counts against the per-stream limit). */
  long live();

  /** Whether later data is dropped unexamined (not this protocol, or given up). */
  boolean ignoring();

  /** The next in-order octets of the stream; the slice is only valid during the call. */
  void feed(byte[] d, int from, int len, Frame f);

  /** Drops everything; later data is ignored. */
  void abandon();

  /**
   * The stream ended: {@code clean} when by FIN, false when the capture ended or a gap stopped
   * delivery.
   */
  void close(Frame f, boolean clean, String why);

  /** A parser for a direction that is not examined (the server side of SMTP). */
  StreamParser IGNORE =
      new StreamParser() {
        @Override
        public long buffered() {
          return 0;
        }

        @Override
        public long live() {
          return 0;
        }

        @Override
        public boolean ignoring() {
          return true;
        }

        @Override
        public void feed(byte[] d, int from, int len, Frame f) {}

        @Override
        public void abandon() {}

        @Override
        public void close(Frame f, boolean clean, String why) {}
      };
}
