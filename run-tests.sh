#!/usr/bin/env bash
# Runs every test: unit tests (Surefire), integration tests on real PostgreSQL, Kafka and Redis, and the
# end-to-end and fault tests of the whole platform (Failsafe).
set -euo pipefail
cd "$(dirname "$0")"
. bin/java-env.sh
command -v kubectl >/dev/null || apt-get install -y kubernetes-client
# promtool checks the Prometheus alert rules in deployment-tests
command -v promtool >/dev/null || apt-get install -y --no-install-recommends prometheus
exec ./mvnw -B verify "$@"
