package org.mmsstack.encapsulation.body;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A body that is one entity, typed by the PDU's Content-Type (an error text in an
 * m-retrieve-conf, a "monoblock" message).
 *
 * <p>Immutable and safe to share between threads. The body is a view of the octets it was made
 * from (the decoder's input, or the caller's array or buffer): do not change them while the
 * body is in use, or use {@link #copyOf(byte[])}.
 */
public final class SinglePartBody implements Body {

  private final ByteBuffer data; // position 0; handed out only as read-only views

  private SinglePartBody(ByteBuffer data) {
    this.data = data;
  }

  /** A body over the remaining octets of a buffer: a view, not a copy. */
  public static SinglePartBody of(ByteBuffer data) {
    return new SinglePartBody(Objects.requireNonNull(data, "data").slice());
  }

  /** A body over the array: a view, not a copy. */
  public static SinglePartBody of(byte[] data) {
    return new SinglePartBody(ByteBuffer.wrap(Objects.requireNonNull(data, "data")));
  }

  /** A body holding a copy of the array. */
  public static SinglePartBody copyOf(byte[] data) {
    return of(data.clone());
  }

  /** The data, as a read-only view positioned at 0 (a new view on each call). */
  public ByteBuffer data() {
    return data.asReadOnlyBuffer();
  }

  /** A copy of the data. */
  public byte[] dataBytes() {
    byte[] b = new byte[data.remaining()];
    data.duplicate().get(b);
    return b;
  }

  /** The number of data octets, without copying them. */
  public int dataSize() {
    return data.remaining();
  }

  @Override
  public long encodedSize() {
    return data.remaining();
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    BodyCodec.write(data, out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SinglePartBody && ((SinglePartBody) o).data.equals(data);
  }

  @Override
  public int hashCode() {
    return data.hashCode();
  }

  @Override
  public String toString() {
    return "SinglePartBody[" + data.remaining() + " octets]";
  }
}
