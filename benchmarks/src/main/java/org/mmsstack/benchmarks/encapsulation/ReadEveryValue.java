package org.mmsstack.benchmarks.encapsulation;

import java.nio.ByteBuffer;
import org.mmsstack.encapsulation.DecodeConfig;
import org.mmsstack.encapsulation.Header;
import org.mmsstack.encapsulation.HeaderCursor;
import org.mmsstack.encapsulation.Pdu;
import org.mmsstack.encapsulation.PduFormatException;
import org.mmsstack.encapsulation.body.Body;
import org.mmsstack.encapsulation.body.MultipartBody;
import org.mmsstack.encapsulation.body.Part;
import org.mmsstack.encapsulation.body.PartCursor;
import org.mmsstack.encapsulation.body.PartHeader;
import org.mmsstack.encapsulation.body.SinglePartBody;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What "reading every value" of a decoded PDU means in the benchmarks: every header's name and
 * typed value; for every part its content type, its headers' values and a view of its data;
 * nested multiparts opened and read the same way. The headers and parts are walked with the
 * header and part cursors ({@link #read}), numbers read without boxing, or through the
 * materialised {@code Header} and {@code Part} lists ({@link #readListed}).
 */
final class ReadEveryValue {

  private ReadEveryValue() {}

  static void read(Pdu pdu, DecodeConfig config, Blackhole bh) throws PduFormatException {
    HeaderCursor c = pdu.headerCursor();
    while (c.next()) {
      bh.consume(c.name());
      if (c.isNumeric()) {
        bh.consume(c.longValue());
      } else {
        bh.consume(c.value());
      }
    }
    Body body = pdu.body().orElse(null);
    if (body instanceof MultipartBody) {
      read((MultipartBody) body, config, bh);
    } else if (body instanceof SinglePartBody) {
      bh.consume(((SinglePartBody) body).data());
    }
  }

  private static void read(MultipartBody body, DecodeConfig config, Blackhole bh)
      throws PduFormatException {
    PartCursor c = body.partCursor();
    while (c.next()) {
      bh.consume(c.contentType());
      while (c.nextHeader()) {
        bh.consume(c.headerValue());
      }
      bh.consume(c.data());
      if (c.isMultipart()) {
        read(c.asMultipart(config), config, bh);
      }
    }
  }

  /**
   * The same, the headers walked as the list of {@code Header}s {@code Pdu.headers()} makes and
   * the parts as the {@code Part}s {@code MultipartBody.parts()} makes.
   */
  static void readListed(Pdu pdu, DecodeConfig config, Blackhole bh) throws PduFormatException {
    for (Header h : pdu.headers()) {
      bh.consume(h.name());
      bh.consume(h.value());
    }
    Body body = pdu.body().orElse(null);
    if (body instanceof MultipartBody) {
      readListed((MultipartBody) body, config, bh);
    } else if (body instanceof SinglePartBody) {
      bh.consume(((SinglePartBody) body).data());
    }
  }

  private static void readListed(MultipartBody body, DecodeConfig config, Blackhole bh)
      throws PduFormatException {
    for (Part p : body.parts()) {
      bh.consume(p.contentType());
      for (PartHeader h : p.headers()) {
        bh.consume(h.value());
      }
      ByteBuffer data = p.data();
      bh.consume(data);
      if (p.isMultipart()) {
        readListed(p.asMultipart(config), config, bh);
      }
    }
  }
}
