#!/usr/bin/env bash
# Runs every test: unit tests (Surefire), integration tests on real PostgreSQL, Kafka and Redis, and the
# end-to-end and fault tests of the whole platform (Failsafe).
set -euo pipefail
cd "$(dirname "$0")"
. bin/java-env.sh
command -v kubectl >/dev/null || apt-get install -y kubernetes-client
# the dashboard's browser tests (platform-tests' DashboardBrowserIT) drive Debian's chromium
command -v chromium >/dev/null || apt-get install -y chromium
exec ./mvnw -B verify "$@"
