#!/usr/bin/env bash
# Samples the database pool of every service of the local platform (./run-platform.sh) once a second for SECONDS
# (default 300) and prints, per service, the pool's maximum and the most connections seen active, pending and open:
# the measured need the services' pool sizes are set from. Run it while the platform works (the demo replay, the
# benchmark's load); Hikari's gauges come from each service's /actuator/prometheus with the administrator's token.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
gateway=${GATEWAY_URL:-http://127.0.0.1:8080}
email=${ADMIN_EMAIL:-admin@agentfactory.local}
# started with the platform, it waits for the launcher to write the password
until [ -n "${ADMIN_PASSWORD:-}" ] || [ -s .local-data/admin-password ]; do sleep 1; done
password=${ADMIN_PASSWORD:-$(cat .local-data/admin-password)}
# name:port of each service (the local run's ports by default)
services=${SERVICES:-"gateway-service:8080 supervisor-agent:8081 support-agent:8082 recommendation-agent:8083 ad-agent:8084
inventory-agent:8085 campaign-agent:8086 finance-service:8087"}

sign_in() {
  curl -sf -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"$password\"}" "$gateway/api/v1/auth/login" |
    sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p'
}

# started with the platform, it waits for the gateway
until token=$(sign_in) && [ -n "$token" ]; do sleep 2; done
signed_in=$(date +%s)
samples=$(mktemp)
trap 'rm -f "$samples"' EXIT
end=$(( $(date +%s) + seconds ))
while [ "$(date +%s)" -lt "$end" ]; do
  # access tokens last 15 minutes
  if [ $(( $(date +%s) - signed_in )) -gt 600 ]; then token=$(sign_in); signed_in=$(date +%s); fi
  for entry in $services; do
    name=${entry%%:*}
    port=${entry##*:}
    curl -s -m 2 -H "Authorization: Bearer $token" "http://127.0.0.1:$port/actuator/prometheus" 2>/dev/null |
      awk -v service="$name" '/^hikaricp_connections(_active|_pending|_max)?\{/ {
        split($1, metric, "{"); print service, metric[1], $2 }' >> "$samples" || true
  done
  sleep 1
done
awk '{ key = $1 " " $2; if (!(key in most) || $3 > most[key]) most[key] = $3; seen[$1] = 1 }
  END {
    printf "%-22s %8s %11s %12s %10s\n", "service", "maximum", "max active", "max pending", "max open"
    for (s in seen) printf "%-22s %8d %11d %12d %10d\n", s, most[s " hikaricp_connections_max"],
      most[s " hikaricp_connections_active"], most[s " hikaricp_connections_pending"], most[s " hikaricp_connections"]
  }' "$samples" | sort
