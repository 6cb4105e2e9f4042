package org.mmsstack.mm4.mime;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mmsstack.encapsulation.Finding;

/**
 * An immutable, ordered list of header fields, with lookups that ignore the case of names. Order
 * and repetitions are kept exactly as parsed (unknown headers included), so writing the list back
 * reproduces the header section. The {@code with...} methods return modified copies.
 *
 * <p>{@link org.mmsstack.mm4.Mm4Codec#decodeHeaders(byte[])} returns the header block of a mail
 * as such a list, with the {@link #findings()} of reading it; every other list has no findings.
 *
 * <p>Immutable and thread-safe. The raw bytes of decoded fields view the decoded array (see
 * {@link Mm4Header}): do not modify it while the list is in use.
 */
public final class Mm4Headers implements Iterable<Mm4Header> {

  private static final Mm4Headers EMPTY = new Mm4Headers(List.of());

  private final List<Mm4Header> fields;
  private final List<Finding> findings;

  private Mm4Headers(List<Mm4Header> fields) {
    this(fields, List.of());
  }

  private Mm4Headers(List<Mm4Header> fields, List<Finding> findings) {
    this.fields = fields;
    this.findings = findings;
  }

  /** @return the empty list */
  public static Mm4Headers empty() {
    return EMPTY;
  }

  /** @return a list of these fields, in order */
  public static Mm4Headers of(List<Mm4Header> fields) {
    List<Mm4Header> copy = List.copyOf(fields);
    return copy.isEmpty() ? EMPTY : new Mm4Headers(copy);
  }

  /**
   * A list of the fields of an array a builder made and will not change, without the second copy
   * of {@link #of}.
   */
  static Mm4Headers ofArray(Mm4Header[] fields) {
    return fields.length == 0 ? EMPTY : new Mm4Headers(List.of(fields));
  }

  /** Wraps a list the caller built and will not change. */
  static Mm4Headers wrap(List<Mm4Header> fields) {
    return new Mm4Headers(java.util.Collections.unmodifiableList(fields));
  }

  /** The same fields with the findings of decoding them. */
  Mm4Headers withFindings(List<Finding> decodeFindings) {
    return new Mm4Headers(fields, List.copyOf(decodeFindings));
  }

  /**
   * What lenient decoding recovered from while reading this header block, in input order; empty
   * for lists that were not decoded by {@link org.mmsstack.mm4.Mm4Codec#decodeHeaders(byte[])}
   * and for the copies the {@code with...} methods return. Not part of equality.
   *
   * @return the findings (unmodifiable)
   */
  public List<Finding> findings() {
    return findings;
  }

  /** @return the fields in order (unmodifiable) */
  public List<Mm4Header> list() {
    return fields;
  }

  /** @return the number of fields */
  public int size() {
    return fields.size();
  }

  /** @return whether a field called {@code name} is present */
  public boolean contains(String name) {
    return indexOf(name, Mm4Header.nameHash(name), 0) >= 0;
  }

  /** The first field called {@code name}, or null: the parser's lookup, without an Optional. */
  Mm4Header field(String name) {
    int i = indexOf(name, Mm4Header.nameHash(name), 0);
    return i < 0 ? null : fields.get(i);
  }

  /** @return the first field called {@code name} */
  public Optional<Mm4Header> firstField(String name) {
    int i = indexOf(name, Mm4Header.nameHash(name), 0);
    return i < 0 ? Optional.empty() : Optional.of(fields.get(i));
  }

  /** @return the value of the first field called {@code name} */
  public Optional<String> first(String name) {
    int i = indexOf(name, Mm4Header.nameHash(name), 0);
    return i < 0 ? Optional.empty() : Optional.of(fields.get(i).value());
  }

  /** @return the values of every field called {@code name}, in order */
  public List<String> all(String name) {
    int hash = Mm4Header.nameHash(name);
    int i = indexOf(name, hash, 0);
    if (i < 0) {
      return List.of();
    }
    int j = indexOf(name, hash, i + 1);
    if (j < 0) {
      return List.of(fields.get(i).value());
    }
    List<String> out = new ArrayList<>(4);
    for (; i >= 0; i = indexOf(name, hash, i + 1)) {
      out.add(fields.get(i).value());
    }
    return List.copyOf(out);
  }

  /** @return how many fields are called {@code name} */
  public int count(String name) {
    int hash = Mm4Header.nameHash(name);
    int n = 0;
    for (int i = indexOf(name, hash, 0); i >= 0; i = indexOf(name, hash, i + 1)) {
      n++;
    }
    return n;
  }

  /**
   * The index of the first field called {@code name} at or after {@code from}, or -1: names are
   * compared by their case-insensitive hash first, so a lookup reads no value and makes nothing.
   */
  private int indexOf(String name, int hash, int from) {
    for (int i = from, n = fields.size(); i < n; i++) {
      if (fields.get(i).is(name, hash)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Returns a copy where {@code name} has exactly this value: the first field of that name is
   * replaced in place, later ones removed; if there is none, the field is appended.
   */
  public Mm4Headers with(String name, String value) {
    Mm4Header h = Mm4Header.of(name, value);
    List<Mm4Header> out = new ArrayList<>(fields.size() + 1);
    boolean done = false;
    for (Mm4Header f : fields) {
      if (f.is(name)) {
        if (!done) {
          // A field whose value is unchanged keeps its raw bytes (and so its original form).
          out.add(f.value().equals(h.value()) && f.name().equals(name) ? f : h);
          done = true;
        }
      } else {
        out.add(f);
      }
    }
    if (!done) {
      out.add(h);
    }
    return new Mm4Headers(List.copyOf(out));
  }

  /** @return a copy with {@code field} appended */
  public Mm4Headers plus(Mm4Header field) {
    Objects.requireNonNull(field, "field");
    List<Mm4Header> out = new ArrayList<>(fields);
    out.add(field);
    return new Mm4Headers(List.copyOf(out));
  }

  /** @return a copy without any field called {@code name} */
  public Mm4Headers without(String name) {
    List<Mm4Header> out = new ArrayList<>(fields.size());
    for (Mm4Header f : fields) {
      if (!f.is(name)) {
        out.add(f);
      }
    }
    return out.size() == fields.size() ? this : new Mm4Headers(List.copyOf(out));
  }

  @Override
  public Iterator<Mm4Header> iterator() {
    return fields.iterator();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Mm4Headers && ((Mm4Headers) o).fields.equals(fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return fields.toString();
  }
}
