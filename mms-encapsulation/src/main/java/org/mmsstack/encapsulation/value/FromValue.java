package org.mmsstack.encapsulation.value;

import java.util.Objects;
import java.util.Optional;

/**
 * The value of the From header: an address, or the Insert-address-token by which a client asks
 * the Relay/Server to fill in its address ({@code 89 01 81} on the wire).
 */
public final class FromValue {

  private static final FromValue INSERT = new FromValue(null);

  private final Address address;

  private FromValue(Address address) {
    this.address = address;
  }

  /** The Insert-address-token. */
  public static FromValue insertAddress() {
    return INSERT;
  }

  /** An address. */
  public static FromValue of(Address address) {
    return new FromValue(Objects.requireNonNull(address, "address"));
  }

  /** Whether this is the Insert-address-token. */
  public boolean isInsertAddress() {
    return address == null;
  }

  /** The address, empty for the Insert-address-token. */
  public Optional<Address> address() {
    return Optional.ofNullable(address);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FromValue && Objects.equals(((FromValue) o).address, address);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(address);
  }

  @Override
  public String toString() {
    return address == null ? "<insert-address>" : address.toString();
  }
}
