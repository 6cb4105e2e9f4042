package org.mmsstack.routing.data;

import java.util.Objects;
import org.mmsstack.encapsulation.validate.ValidationReport;
import org.mmsstack.routing.Provisional;

/**
 * What {@link RoutingDataPublisher#publish} did. Immutable and thread-safe.
 */
@Provisional
public final class PublishResult {

  /** Whether the version was written now or was there already. */
  public enum Outcome {
    /** Written now and made current. */
    PUBLISHED,
    /** The store already had this version number with the same content; nothing changed. */
    ALREADY_PUBLISHED
  }

  private final Outcome outcome;
  private final long versionNumber;
  private final String digest;
  private final ValidationReport validation;

  private PublishResult(
      Outcome outcome, long versionNumber, String digest, ValidationReport validation) {
    this.outcome = outcome;
    this.versionNumber = versionNumber;
    this.digest = digest;
    this.validation = validation;
  }

  /** The result of publishing {@code data}. */
  public static PublishResult of(Outcome outcome, RoutingData data, ValidationReport validation) {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(validation, "validation");
    return new PublishResult(outcome, data.versionNumber(), data.digest(), validation);
  }

  /** Written now, or there already. */
  public Outcome outcome() {
    return outcome;
  }

  /** The version number. */
  public long versionNumber() {
    return versionNumber;
  }

  /** The version's digest ({@link RoutingData#digest()}). */
  public String digest() {
    return digest;
  }

  /** What validation found (no ERROR, or the version would have been refused). */
  public ValidationReport validation() {
    return validation;
  }

  /** {@code published version 42 (sha256:...)}. */
  @Override
  public String toString() {
    return (outcome == Outcome.PUBLISHED ? "published" : "already published")
        + " version "
        + versionNumber
        + " ("
        + digest
        + ")";
  }
}
