#!/usr/bin/env bash
# Builds Agent Factory and runs it locally: PostgreSQL, Kafka and Redis from Maven artifacts, every
# service as its own JVM, the demo data replayed through the gateway, a few tasks submitted.
# Options: --clean (start from empty data), --no-demo (skip the replay and demo tasks).
set -euo pipefail
cd "$(dirname "$0")"
. bin/java-env.sh
./mvnw -B -q -DskipTests package
exec "$JAVA_HOME/bin/java" -Xmx512m -jar local-infra/target/local-infra-0.1.0-SNAPSHOT-exec.jar --project . "$@"
