#!/usr/bin/env bash
# Runs every test: unit tests (Surefire), integration tests on real PostgreSQL, Kafka and Redis, and the
# end-to-end and fault tests of the whole platform (Failsafe).
set -euo pipefail
cd "$(dirname "$0")"
. bin/java-env.sh
# install a Debian package when its command is missing (refreshing the package lists once if they are stale)
need() {
  local command="$1"
  shift
  command -v "$command" >/dev/null && return 0
  apt-get install -y "$@" || { apt-get update && apt-get install -y "$@"; }
}
# the deployment tests render the Kubernetes overlays with kubectl
need kubectl kubernetes-client
# promtool checks the Prometheus alert rules in deployment-tests
need promtool --no-install-recommends prometheus
# the dashboard's browser tests (platform-tests' DashboardBrowserIT) drive Debian's chromium
need chromium chromium
exec ./mvnw -B verify "$@"
