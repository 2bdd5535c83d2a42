# Sourced by the bin/ programs: where the checkout is, which java, and how to build once.
# shellcheck shell=bash

kj_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    echo "$JAVA_HOME/bin/java"
  else
    command -v java || { echo "keepalivedj: no java on PATH (Java 17 or newer is needed)" >&2; exit 3; }
  fi
}

# Builds the examples jar and its runtime class path when missing. Maven output goes to stderr so
# a program's own stdout (JSON, say) stays clean.
kj_ensure_built() {
  local root=$1
  if [ -f "$root/examples/target/keepalivedj-examples.jar" ] && [ -d "$root/examples/target/lib" ]; then
    return 0
  fi
  command -v mvn >/dev/null || { echo "keepalivedj: not built yet and Maven (mvn) is not on PATH" >&2; exit 3; }
  if [ ! -w "$root" ]; then
    echo "keepalivedj: not built yet and $root is read-only; build once with: mvn -DskipTests package" >&2
    exit 3
  fi
  echo "keepalivedj: first run, building with Maven (about a minute)..." >&2
  (cd "$root" && mvn -q -B -DskipTests package -pl examples -am) >&2 \
    || { echo "keepalivedj: the Maven build failed" >&2; exit 3; }
}
