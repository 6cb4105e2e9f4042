package org.mmsstack.routing;

import java.util.List;
import org.mmsstack.mm4.mime.Mm4Header;
import org.mmsstack.mm4.mime.Mm4Headers;

/**
 * A header section read by position, as (name, value) pairs or as decoded MM4 fields. Readers
 * look at every name but only at the values of the fields they need, so a section decoded by
 * {@link org.mmsstack.mm4.Mm4Codec#decodeHeaders(byte[])} materialises no other value.
 */
abstract class HeaderSection {

  abstract int size();

  abstract String name(int i);

  abstract String value(int i);

  static HeaderSection of(List<HeaderPair> pairs) {
    return new HeaderSection() {
      @Override
      int size() {
        return pairs.size();
      }

      @Override
      String name(int i) {
        return pairs.get(i).name();
      }

      @Override
      String value(int i) {
        return pairs.get(i).value();
      }
    };
  }

  static HeaderSection of(Mm4Headers headers) {
    List<Mm4Header> fields = headers.list();
    return new HeaderSection() {
      @Override
      int size() {
        return fields.size();
      }

      @Override
      String name(int i) {
        return fields.get(i).name();
      }

      @Override
      String value(int i) {
        return fields.get(i).value();
      }
    };
  }
}
