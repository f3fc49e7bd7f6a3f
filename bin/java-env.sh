# Sourced by the run and test scripts: picks a Java 25+ JDK (JAVA_HOME if it is one, else one under
# /usr/lib/jvm) and exports JAVA_HOME for the Maven wrapper.
java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'
}
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(java_major "$JAVA_HOME")" -lt 25 ] 2>/dev/null; then
  for candidate in /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/javac" ] && [ "$(java_major "$candidate")" -ge 25 ] 2>/dev/null; then
      JAVA_HOME="$candidate"
      break
    fi
  done
fi
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME")" -lt 25 ] 2>/dev/null; then
  echo "Agent Factory needs a Java 25 JDK: set JAVA_HOME to one (for example Temurin 25)." >&2
  exit 1
fi
export JAVA_HOME
