package org.mmsstack.encapsulation.body;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The body of a PDU that carries one: a {@link MultipartBody} (what MMS messages normally are)
 * or a {@link SinglePartBody} (one entity, typed by the PDU's Content-Type).
 *
 * <p>Decoded bodies are views of the decoder's input, never copies: the caller must not change
 * that array while the body is in use.
 */
public sealed interface Body permits MultipartBody, SinglePartBody {

  /**
   * The number of octets {@link #writeTo} writes. For a built multipart body this encodes the
   * part headers once (kept for the write), so an encoder sizes its output before writing it.
   */
  long encodedSize();

  /** Writes the encoded body: the original octets when decoded and unchanged, else canonical. */
  void writeTo(OutputStream out) throws IOException;
}
