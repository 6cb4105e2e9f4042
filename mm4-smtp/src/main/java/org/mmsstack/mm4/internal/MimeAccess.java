package org.mmsstack.mm4.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.mmsstack.encapsulation.Finding;
import org.mmsstack.mm4.Mm4FormatException;
import org.mmsstack.mm4.internal.mime.ParseContext;
import org.mmsstack.mm4.mime.MimeEntity;
import org.mmsstack.mm4.mime.Mm4Header;
import org.mmsstack.mm4.mime.Mm4Headers;

/**
 * What the message layer ({@code org.mmsstack.mm4}) needs from the internals of the MIME model
 * ({@code org.mmsstack.mm4.mime}) without making them public API: the {@code mime} package
 * installs its implementation when {@link MimeEntity} is initialised. This package is not
 * exported, so only the module itself can reach it.
 */
public abstract class MimeAccess {

  private static volatile MimeAccess instance;

  /** For the one implementation in the {@code mime} package. */
  protected MimeAccess() {}

  /**
   * Installs the implementation; called once, from {@link MimeEntity}'s static initialiser.
   *
   * @throws IllegalStateException if one is installed already
   */
  public static synchronized void install(MimeAccess access) {
    if (instance != null) {
      throw new IllegalStateException("MimeAccess is installed already");
    }
    instance = access;
  }

  /** @return the implementation, initialising {@link MimeEntity} if needed */
  public static MimeAccess get() {
    MimeAccess a = instance;
    if (a == null) {
      try {
        Class.forName(MimeEntity.class.getName(), true, MimeEntity.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new AssertionError("MimeEntity is in this module", e);
      }
      a = instance;
    }
    return a;
  }

  /** Parses the entity in {@code [from, to)} of the context's input as a message root. */
  public abstract MimeEntity parse(ParseContext ctx, int from, int to) throws Mm4FormatException;

  /** Parses only the header section at {@code from}, up to and including its empty line. */
  public abstract Mm4Headers parseHeaders(ParseContext ctx, int from, int to)
      throws Mm4FormatException;

  /** @return the same fields carrying these findings */
  public abstract Mm4Headers withFindings(Mm4Headers headers, List<Finding> findings);

  /** Writes an entity (header fields, blank line, body) with CRLF line ends. */
  public abstract void write(MimeEntity entity, OutputStream out) throws IOException;

  /** Writes an entity into one array of exactly the size it takes. */
  public abstract byte[] toBytes(MimeEntity entity);

  /** @return exactly how many octets {@link #write} produces */
  public abstract long size(MimeEntity entity);

  /** @return the fields of an array the caller made and will not change, in order */
  public abstract Mm4Headers headers(Mm4Header[] fields);

  /** @return a leaf entity without data */
  public abstract MimeEntity emptyLeaf(Mm4Headers headers);

  /** @return the entity's body under other header fields; the raw body is kept only if asked */
  public abstract MimeEntity withHeaders(MimeEntity entity, Mm4Headers headers, boolean keepRaw);

  /**
   * Every finding of the deferred body checks below an entity, each body checked leniently and a
   * body that cannot be decoded reported as an ERROR finding; never throws.
   */
  public abstract List<Finding> dataFindings(MimeEntity entity);

  /**
   * {@link Mm4Header#of(String, String)} for a name already looked up.
   *
   * @param id {@link org.mmsstack.mm4.internal.mime.NameTable#id} of {@code name}
   */
  public abstract Mm4Header field(String name, int id, String value);

  /**
   * A built field whose value a typed setter has formatted as plain US-ASCII, made without the
   * pass of {@link Mm4Header#of(String, String)} over it (see {@code Mm4Header.ofAscii}).
   *
   * @param id {@link org.mmsstack.mm4.internal.mime.NameTable#id} of {@code name}, not -1
   */
  public abstract Mm4Header asciiField(String name, int id, String value);

  /**
   * The {@link org.mmsstack.mm4.internal.mime.NameTable#id} of a field's name as spelt, known for
   * a built field; -1 for another spelling and for parsed fields.
   */
  public abstract int nameId(Mm4Header field);
}
