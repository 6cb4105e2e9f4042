package org.mmsstack.routing.data;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mmsstack.routing.MessageIds;
import org.mmsstack.routing.Provisional;

/**
 * The MMSE-wide secrets under which {@link MessageIds} are minted and verified, distributed with
 * the routing data: the first mints, all verify (rotation: add the new one first, keep the old
 * one for the longest report lifetime). Each secret is 16 to 64 octets, no two equal.
 *
 * <p>Immutable and thread-safe; the octets are copied in and out.
 */
@Provisional
public final class MessageIdSecrets {

  /** The shortest secret, in octets. */
  public static final int MIN_LENGTH = 16;

  /** The longest secret, in octets. */
  public static final int MAX_LENGTH = 64;

  /** The most secrets of one set. */
  public static final int MAX_SECRETS = 16;

  private final List<byte[]> secrets;
  private final MessageIds messageIds;

  private MessageIdSecrets(List<byte[]> secrets) {
    this.secrets = secrets;
    this.messageIds =
        MessageIds.withKeys(
            secrets.get(0), secrets.subList(1, secrets.size()).toArray(new byte[0][]));
  }

  /**
   * The secrets {@code current} (mints) and {@code previous} (still verify), copied.
   *
   * @throws NullPointerException naming the parameter, if {@code current}, {@code previous} or
   *     one of its secrets is null
   * @throws IllegalArgumentException naming the parameter, if a secret is shorter than {@link
   *     #MIN_LENGTH} or longer than {@link #MAX_LENGTH} octets, two are equal, or there are more
   *     than {@link #MAX_SECRETS}
   */
  public static MessageIdSecrets of(byte[] current, byte[]... previous) {
    Objects.requireNonNull(current, "current");
    List<byte[]> all = new ArrayList<>(1 + Objects.requireNonNull(previous, "previous").length);
    all.add(current);
    for (int i = 0; i < previous.length; i++) {
      all.add(Objects.requireNonNull(previous[i], "previous[" + i + "]"));
    }
    return of(all);
  }

  /**
   * The secrets {@code secrets}, the first minting, copied.
   *
   * @throws NullPointerException naming the secret, if the list or one of its secrets is null
   * @throws IllegalArgumentException naming the parameter, if {@code secrets} is empty or too
   *     long, or a secret is too short, too long or repeated
   */
  public static MessageIdSecrets of(List<byte[]> secrets) {
    if (secrets.isEmpty() || secrets.size() > MAX_SECRETS) {
      throw new IllegalArgumentException(
          "secrets: " + secrets.size() + " secrets (expected: 1 to " + MAX_SECRETS + ")");
    }
    List<byte[]> copy = new ArrayList<>(secrets.size());
    for (int i = 0; i < secrets.size(); i++) {
      byte[] s = secrets.get(i);
      if (s == null) {
        throw new NullPointerException("secrets[" + i + "]");
      }
      if (s.length < MIN_LENGTH || s.length > MAX_LENGTH) {
        throw new IllegalArgumentException(
            "secrets["
                + i
                + "]: "
                + s.length
                + " octets"
                + " (expected: "
                + MIN_LENGTH
                + " to "
                + MAX_LENGTH
                + " octets)");
      }
      for (int j = 0; j < i; j++) {
        if (MessageDigest.isEqual(copy.get(j), s)) {
          throw new IllegalArgumentException(
              "secrets[" + i + "]: equal to secrets[" + j + "] (expected: distinct secrets)");
        }
      }
      copy.add(s.clone());
    }
    return new MessageIdSecrets(List.copyOf(copy));
  }

  /** How many secrets there are (at least one). */
  public int size() {
    return secrets.size();
  }

  /** The secret at {@code index} (0 mints), a copy. */
  public byte[] secret(int index) {
    return secrets.get(index).clone();
  }

  /** All secrets, the minting one first, as copies. */
  public List<byte[]> secrets() {
    List<byte[]> l = new ArrayList<>(secrets.size());
    for (byte[] s : secrets) {
      l.add(s.clone());
    }
    return l;
  }

  /** The Message-ID minter and verifier under these secrets. */
  public MessageIds messageIds() {
    return messageIds;
  }

  /** Equal when the same secrets are in the same order (compared in constant time per secret). */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof MessageIdSecrets m) || m.secrets.size() != secrets.size()) {
      return false;
    }
    boolean equal = true;
    for (int i = 0; i < secrets.size(); i++) {
      equal &= MessageDigest.isEqual(secrets.get(i), m.secrets.get(i));
    }
    return equal;
  }

  @Override
  public int hashCode() {
    return secrets.size();
  }

  /** Never shows the secrets: {@code MessageIdSecrets[2 secrets]}. */
  @Override
  public String toString() {
    return "MessageIdSecrets[" + secrets.size() + (secrets.size() == 1 ? " secret]" : " secrets]");
  }
}
