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
import org.mmsstack.encapsulation.body.PartHeader;
import org.mmsstack.encapsulation.body.SinglePartBody;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What "reading every value" of a decoded PDU means in the benchmarks: every header's name and
 * typed value; for every part its content type, its headers' values and a view of its data;
 * nested multiparts opened and read the same way. The headers are walked with the header cursor
 * ({@link #read}), numbers read without boxing, or through the listed {@code Header} objects
 * ({@link #readListed}).
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
    readBody(pdu, config, bh);
  }

  /** The same, the headers walked as the list of {@code Header}s {@code Pdu.headers()} makes. */
  static void readListed(Pdu pdu, DecodeConfig config, Blackhole bh) throws PduFormatException {
    for (Header h : pdu.headers()) {
      bh.consume(h.name());
      bh.consume(h.value());
    }
    readBody(pdu, config, bh);
  }

  private static void readBody(Pdu pdu, DecodeConfig config, Blackhole bh)
      throws PduFormatException {
    Body body = pdu.body().orElse(null);
    if (body instanceof MultipartBody) {
      read((MultipartBody) body, config, bh);
    } else if (body instanceof SinglePartBody) {
      bh.consume(((SinglePartBody) body).data());
    }
  }

  private static void read(MultipartBody body, DecodeConfig config, Blackhole bh)
      throws PduFormatException {
    for (Part p : body.parts()) {
      bh.consume(p.contentType());
      for (PartHeader h : p.headers()) {
        bh.consume(h.value());
      }
      ByteBuffer data = p.data();
      bh.consume(data);
      if (p.isMultipart()) {
        read(p.asMultipart(config), config, bh);
      }
    }
  }
}
