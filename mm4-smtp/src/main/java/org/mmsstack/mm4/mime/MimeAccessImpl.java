package org.mmsstack.mm4.mime;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.mm4.Mm4FormatException;
import org.mmsstack.mm4.internal.MimeAccess;
import org.mmsstack.mm4.internal.mime.ParseContext;

/** The implementation of {@link MimeAccess}, installed by {@link MimeEntity}. */
final class MimeAccessImpl extends MimeAccess {

  @Override
  public List<Finding> dataFindings(MimeEntity entity) {
    List<Finding> out = new ArrayList<>();
    entity.collectDataFindings(out);
    return out;
  }

  @Override
  public MimeEntity parse(ParseContext ctx, int from, int to) throws Mm4FormatException {
    return MimeParser.parse(ctx, from, to);
  }

  @Override
  public Mm4Headers parseHeaders(ParseContext ctx, int from, int to) throws Mm4FormatException {
    return MimeParser.headers(ctx, from, to);
  }

  @Override
  public Mm4Headers withFindings(Mm4Headers headers, List<Finding> findings) {
    return headers.withFindings(findings);
  }

  @Override
  public void write(MimeEntity entity, OutputStream out) throws IOException {
    MessageWriter.write(entity, out);
  }

  @Override
  public byte[] toBytes(MimeEntity e) {
    return MessageWriter.toBytes(e);
  }

  @Override
  public long size(MimeEntity e) {
    return MessageWriter.size(e);
  }

  @Override
  public Mm4Headers headers(Mm4Header[] fields) {
    return Mm4Headers.ofArray(fields);
  }

  @Override
  public MimeEntity emptyLeaf(Mm4Headers headers) {
    return MimeEntity.emptyLeaf(headers);
  }

  @Override
  public MimeEntity withHeaders(MimeEntity entity, Mm4Headers headers, boolean keepRaw) {
    return entity.withHeaders(headers, keepRaw);
  }

  @Override
  public Mm4Header field(String name, int id, String value) {
    return Mm4Header.of(name, id, value);
  }

  @Override
  public Mm4Header asciiField(String name, int id, String value) {
    return Mm4Header.ofAscii(name, id, value);
  }

  @Override
  public int nameId(Mm4Header field) {
    return field.nameId();
  }
}
