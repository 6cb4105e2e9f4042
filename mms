#!/bin/sh
# The mms command-line tool: decode, validate and encode MMS PDUs and MM4 messages.
# Builds mms-cli/target/mms.jar with Maven on first use (and when a source is newer), then runs it.
set -e

root=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
jar="$root/mms-cli/target/mms.jar"

stale() {
  [ ! -f "$jar" ] && return 0
  # Any source or build file of the tool or a module it is built from newer than the jar?
  newer=$(find "$root/pom.xml" "$root/mms-cli/pom.xml" "$root/mms-cli/src/main" \
    "$root/mms-encapsulation/pom.xml" "$root/mms-encapsulation/src/main" \
    "$root/mm4-smtp/pom.xml" "$root/mm4-smtp/src/main" \
    "$root/routing-extension/pom.xml" "$root/routing-extension/src/main" \
    "$root/mms-capture/pom.xml" "$root/mms-capture/src/main" \
    "$root/mms-lab/pom.xml" "$root/mms-lab/src/main" \
    -newer "$jar" -type f 2>/dev/null | head -n 1)
  [ -n "$newer" ]
}

if stale; then
  if ! command -v mvn >/dev/null 2>&1; then
    echo "mms: Maven (mvn) is needed to build the tool on first use" >&2
    exit 2
  fi
  echo "mms: building the tool (once)..." >&2
  # Maven's output goes to a log that is shown only when the build fails.
  mkdir -p "$root/mms-cli/target"
  log="$root/mms-cli/target/mms-build.log"
  if ! (cd "$root" && mvn -q -B -Dstyle.color=never -DskipTests -DskipDocs -pl mms-cli -am package) \
      >"$log" 2>&1; then
    cat "$log" >&2
    echo "mms: the build failed (log: $log)" >&2
    exit 2
  fi
fi

# The distribution launcher's JVM options (see mms-cli/src/dist/bin/mms); JAVA_OPTS holds more
# (heap size, for example) and wins.
jvm_opts="-XX:TieredStopAtLevel=1"
case " ${JAVA_OPTS:-} " in
  *" -XX:+Use"*"GC "*) ;;
  *) jvm_opts="$jvm_opts -XX:+UseSerialGC" ;;
esac
# shellcheck disable=SC2086
exec java $jvm_opts ${JAVA_OPTS:-} -jar "$jar" "$@"
