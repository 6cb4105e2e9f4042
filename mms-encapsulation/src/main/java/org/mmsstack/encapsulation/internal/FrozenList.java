package org.mmsstack.encapsulation.internal;

import java.util.AbstractList;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.RandomAccess;

/**
 * An unmodifiable list over an array that its maker fills once and never changes or shares: one
 * object around the array, where {@code Collections.unmodifiableList(new ArrayList<>(...))} costs
 * three and {@code List.of(array)} copies the array. Thread-safe once published (the array
 * reference is final and its elements are written before the list is made).
 *
 * @param <E> the element type
 */
public final class FrozenList<E> extends AbstractList<E> implements RandomAccess {

  private final E[] elements;

  private FrozenList(E[] elements) {
    this.elements = elements;
  }

  /** A list owning {@code elements}: the caller must not keep or change the array. */
  public static <E> FrozenList<E> owning(E[] elements) {
    return new FrozenList<>(elements);
  }

  @Override
  public E get(int index) {
    return elements[index];
  }

  @Override
  public int size() {
    return elements.length;
  }

  /**
   * An iterator over the array: small enough for HotSpot to inline into a for-each loop and
   * scalar-replace, where {@code AbstractList}'s (with its modification checks) stays an object
   * per loop.
   */
  @Override
  public Iterator<E> iterator() {
    return new Iterator<E>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < elements.length;
      }

      @Override
      public E next() {
        if (next >= elements.length) {
          throw new NoSuchElementException();
        }
        return elements[next++];
      }
    };
  }
}
