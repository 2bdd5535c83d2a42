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
  local jar="$root/examples/target/keepalivedj-examples.jar"
  if [ -f "$jar" ] && [ -d "$root/examples/target/lib" ]; then
    # Up to date unless a main source or POM changed since; a read-only checkout runs what it has.
    if [ ! -w "$root" ] || ! command -v mvn >/dev/null \
       || [ -z "$(find "$root" -path "$root/*/src/main/*" -newer "$jar" -print -quit 2>/dev/null)" ] \
          && [ -z "$(find "$root" -maxdepth 2 -name pom.xml -newer "$jar" -print -quit 2>/dev/null)" ]; then
      return 0
    fi
    echo "keepalivedj: sources changed since the last build, rebuilding with Maven..." >&2
  else
    echo "keepalivedj: first run, building with Maven (about a minute)..." >&2
  fi
  command -v mvn >/dev/null || { echo "keepalivedj: not built yet and Maven (mvn) is not on PATH" >&2; exit 3; }
  if [ ! -w "$root" ]; then
    echo "keepalivedj: not built yet and $root is read-only; build once with: mvn -DskipTests package" >&2
    exit 3
  fi
  # Debian's Maven 3.8 prints colour resets even in batch mode: strip them.
  (cd "$root" && mvn -q -B -Dstyle.color=never -Dmaven.test.skip=true -DskipTests package -pl examples -am 2>&1) \
    | sed -u 's/\x1b\[[0-9;]*m//g' >&2 \
    || { echo "keepalivedj: the Maven build failed" >&2; exit 3; }
}
