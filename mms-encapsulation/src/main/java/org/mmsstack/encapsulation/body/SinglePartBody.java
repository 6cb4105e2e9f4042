package org.mmsstack.encapsulation.body;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A body that is one entity, typed by the PDU's Content-Type (an error text in an
 * m-retrieve-conf, a "monoblock" message).
 */
public final class SinglePartBody implements Body {

  private final ByteBuffer data;

  private SinglePartBody(ByteBuffer data) {
    this.data = data;
  }

  /** A body over the remaining octets of a buffer (a read-only view; not copied). */
  public static SinglePartBody of(ByteBuffer data) {
    return new SinglePartBody(Objects.requireNonNull(data, "data").slice().asReadOnlyBuffer());
  }

  /** A body holding a copy of the array. */
  public static SinglePartBody of(byte[] data) {
    return new SinglePartBody(ByteBuffer.wrap(data.clone()).asReadOnlyBuffer());
  }

  /** The data, as a read-only view positioned at 0. */
  public ByteBuffer data() {
    return data.duplicate();
  }

  /** The data, copied. */
  public byte[] toByteArray() {
    byte[] b = new byte[data.remaining()];
    data.duplicate().get(b);
    return b;
  }

  /** The number of octets. */
  public int size() {
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
