package org.mmsstack.encapsulation;

import java.time.Instant;
import org.mmsstack.encapsulation.body.MultipartBody;
import org.mmsstack.encapsulation.body.Part;
import org.mmsstack.encapsulation.body.SinglePartBody;
import org.mmsstack.encapsulation.value.ContentType;
import org.mmsstack.encapsulation.value.MediaType;

/** Small built PDUs that carry one value under test: a content type, or a part. */
final class BuiltPdus {

  private BuiltPdus() {}

  /** An m-retrieve-conf whose body is one octet of content type {@code ct}. */
  static Pdu withBody(ContentType ct) {
    return RetrieveConf.builder()
        .date(Instant.EPOCH)
        .body(ct, SinglePartBody.of(new byte[] {'x'}))
        .build();
  }

  /** An m-retrieve-conf whose multipart/mixed body holds {@code part}. */
  static Pdu withPart(Part part) {
    return RetrieveConf.builder()
        .date(Instant.EPOCH)
        .body(ContentType.of(MediaType.MULTIPART_MIXED), MultipartBody.of(part))
        .build();
  }
}
