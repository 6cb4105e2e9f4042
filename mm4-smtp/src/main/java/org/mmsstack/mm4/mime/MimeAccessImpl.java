package org.mmsstack.mm4.mime;

import java.io.IOException;
import java.io.OutputStream;
import org.mmsstack.mm4.Mm4FormatException;
import org.mmsstack.mm4.internal.MimeAccess;
import org.mmsstack.mm4.internal.mime.ParseContext;

/** The implementation of {@link MimeAccess}, installed by {@link MimeEntity}. */
final class MimeAccessImpl extends MimeAccess {

  @Override
  public MimeEntity parse(ParseContext ctx, int from, int to) throws Mm4FormatException {
    return MimeParser.parse(ctx, from, to);
  }

  @Override
  public void write(MimeEntity entity, OutputStream out) throws IOException {
    MessageWriter.write(entity, out);
  }

  @Override
  public int estimateSize(MimeEntity e) {
    return (int) Math.min(estimate(e), Integer.MAX_VALUE - 8);
  }

  private static long estimate(MimeEntity e) {
    long n = 64L * (e.headers().size() + 1);
    if (e.raw() != null) {
      n += e.rawLen();
    } else if (e.isMultipart()) {
      for (MimeEntity p : e.parts()) {
        n += estimate(p) + 100;
      }
    } else {
      n += e.dataSize() * 4L / 3 + e.dataSize() / 38 + 16;
    }
    return n;
  }

  @Override
  public MimeEntity emptyLeaf(Mm4Headers headers) {
    return MimeEntity.emptyLeaf(headers);
  }

  @Override
  public MimeEntity withHeaders(MimeEntity entity, Mm4Headers headers, boolean keepRaw) {
    return entity.withHeaders(headers, keepRaw);
  }
}
