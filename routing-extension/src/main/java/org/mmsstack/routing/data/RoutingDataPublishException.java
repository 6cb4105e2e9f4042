package org.mmsstack.routing.data;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.mmsstack.encapsulation.validate.ValidationReport;
import org.mmsstack.routing.Provisional;

/**
 * A {@link RoutingDataPublisher} refused a version. The store is unchanged. Immutable.
 */
@Provisional
public final class RoutingDataPublishException extends IOException {

  private static final long serialVersionUID = 1L;

  /** Why; {@link #code()} is the stable kebab-case code ({@link org.mmsstack.routing.RoutingFindingCodes}). */
  public enum Reason {
    /** Validation found an ERROR ({@link #validation()}). */
    INVALID_ROUTING_DATA,
    /**
     * The version number is already used with other content ({@link #existingDigest()}), possibly
     * by a publisher that won a race for it.
     */
    VERSION_CONFLICT,
    /** The store's current version ({@link #currentVersion()}) is newer than or equal to this one. */
    VERSION_NOT_NEWER;

    private final String code = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The stable code, e.g. {@code version-conflict}. */
    public String code() {
      return code;
    }

    /** The reason whose {@link #code()} is {@code code}, if there is one. */
    public static Optional<Reason> fromCode(String code) {
      for (Reason r : values()) {
        if (r.code.equals(code)) {
          return Optional.of(r);
        }
      }
      return Optional.empty();
    }
  }

  private final Reason reason;
  private final long versionNumber;
  private final transient ValidationReport validation;
  private final String existingDigest;
  private final long currentVersion;

  private RoutingDataPublishException(
      Reason reason,
      String message,
      long versionNumber,
      ValidationReport validation,
      String existingDigest,
      long currentVersion) {
    super(message);
    this.reason = reason;
    this.versionNumber = versionNumber;
    this.validation = validation;
    this.existingDigest = existingDigest;
    this.currentVersion = currentVersion;
  }

  /** Validation of {@code data} found errors. */
  public static RoutingDataPublishException invalid(RoutingData data, ValidationReport report) {
    StringBuilder sb =
        new StringBuilder("routing data version ")
            .append(data.versionNumber())
            .append(" is not valid: ");
    report.findings().stream()
        .filter(f -> f.severity() == org.mmsstack.encapsulation.Severity.ERROR)
        .findFirst()
        .ifPresent(f -> sb.append(f.code()).append(": ").append(f.message()));
    int errors = report.count(org.mmsstack.encapsulation.Severity.ERROR);
    if (errors > 1) {
      sb.append("; and ").append(errors - 1).append(" more");
    }
    return new RoutingDataPublishException(
        Reason.INVALID_ROUTING_DATA, sb.toString(), data.versionNumber(), report, null, -1);
  }

  /** The store has {@code data}'s version number with the content of digest {@code existing}. */
  public static RoutingDataPublishException versionConflict(
      RoutingData data, String existingDigest, String store) {
    return new RoutingDataPublishException(
        Reason.VERSION_CONFLICT,
        "version "
            + data.versionNumber()
            + " is already published in "
            + store
            + " with other content ("
            + existingDigest
            + ", not "
            + data.digest()
            + "); publish it under a new version number",
        data.versionNumber(),
        null,
        existingDigest,
        -1);
  }

  /** The store's current version {@code current} is not older than {@code data}'s. */
  public static RoutingDataPublishException notNewer(RoutingData data, long current, String store) {
    return new RoutingDataPublishException(
        Reason.VERSION_NOT_NEWER,
        "version "
            + data.versionNumber()
            + " is not newer than the current version "
            + current
            + " of "
            + store,
        data.versionNumber(),
        null,
        null,
        current);
  }

  /** Why the version was refused. */
  public Reason reason() {
    return reason;
  }

  /** The stable code of {@link #reason()}. */
  public String code() {
    return reason.code();
  }

  /** The version number refused. */
  public long versionNumber() {
    return versionNumber;
  }

  /** The validation report, for {@link Reason#INVALID_ROUTING_DATA}. */
  public Optional<ValidationReport> validation() {
    return Optional.ofNullable(validation);
  }

  /** The digest of the content already published under the number, for {@link Reason#VERSION_CONFLICT}. */
  public Optional<String> existingDigest() {
    return Optional.ofNullable(existingDigest);
  }

  /** The store's current version, for {@link Reason#VERSION_NOT_NEWER}. */
  public OptionalLong currentVersion() {
    return currentVersion < 0 ? OptionalLong.empty() : OptionalLong.of(currentVersion);
  }
}
