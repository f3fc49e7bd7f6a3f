# syntax=docker/dockerfile:1
# One image per service: docker build --build-arg SERVICE=<module> --build-arg PORT=<port> -t agentfactory/<module> .
# SERVICE is the Maven module (gateway-service, supervisor-agent, support-agent, recommendation-agent,
# ad-agent, inventory-agent, campaign-agent, finance-service).

FROM eclipse-temurin:25-jdk AS build
ARG SERVICE
WORKDIR /workspace
# The whole reactor is needed for -am (the module and the modules it depends on); the Maven repository is a
# BuildKit cache mount. A .dockerignore excluding **/target, .git and .env keeps the context small.
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    test -n "${SERVICE}" || { echo "build with --build-arg SERVICE=<module>" >&2; exit 1; }; \
    chmod +x mvnw \
    && ./mvnw -B -pl "${SERVICE}" -am package -DskipTests -Dspotless.apply.skip=true \
    && cp "${SERVICE}/target/${SERVICE}-0.1.0-SNAPSHOT-exec.jar" /workspace/app.jar

FROM eclipse-temurin:25-jre
ARG SERVICE
ARG PORT=8080
LABEL org.opencontainers.image.title="agentfactory-${SERVICE}" \
      org.opencontainers.image.description="Agent Factory ${SERVICE}"
# curl is used by the docker-compose healthchecks; install it only if the base image lacks it.
RUN command -v curl >/dev/null 2>&1 \
    || (apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*); \
    groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /app --shell /usr/sbin/nologin app
WORKDIR /app
COPY --from=build --chown=root:root --chmod=0444 /workspace/app.jar /app/app.jar
ENV PORT=${PORT} \
    LOG_FORMAT=json \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp"
EXPOSE ${PORT}
# Numeric uid so Kubernetes can verify runAsNonRoot.
USER 10001:10001
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
