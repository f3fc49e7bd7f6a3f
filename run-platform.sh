#!/usr/bin/env bash
# Builds Agent Factory and runs it locally: PostgreSQL, Kafka and Redis from Maven artifacts, every
# service as its own JVM (restarted with backoff if it crashes), the demo data replayed through the
# gateway, a few tasks submitted.
# Options: --clean (start from empty data), --no-demo (skip the replay and demo tasks).
# While it runs, from another terminal:
#   ./run-platform.sh status            every process with its state, port, PID, RSS and PSS
#   ./run-platform.sh restart SERVICE   restart one service (support, supervisor, gateway-service, ...)
set -euo pipefail
cd "$(dirname "$0")"
. bin/java-env.sh
launcher=local-infra/target/local-infra-0.1.0-SNAPSHOT-exec.jar
case "${1:-}" in
  status|restart)
    exec "$JAVA_HOME/bin/java" -Xmx64m -jar "$launcher" --project . "$@"
    ;;
esac
./mvnw -B -q -DskipTests package
# the launcher also runs the Kafka broker; its heap starts small and is given back when free, like the services'
export MALLOC_ARENA_MAX=2
exec "$JAVA_HOME/bin/java" -Xmx512m -Xms16m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:-ShrinkHeapInSteps -XX:+UseSerialGC \
  -XX:TrimNativeHeapInterval=30000 -jar "$launcher" --project . "$@"
