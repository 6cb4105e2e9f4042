package org.mmsstack.mm4.convert;

import java.util.Objects;
import org.mmsstack.encapsulation.body.Body;
import org.mmsstack.encapsulation.value.ContentType;

/**
 * The content of a binary PDU: its Content-Type header value and its body.
 *
 * @param contentType the PDU's Content-Type (a WSP multipart type for a multipart body)
 * @param body the body
 */
public record BinaryContent(ContentType contentType, Body body) {

  /** Checks the components. */
  public BinaryContent {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
  }
}
