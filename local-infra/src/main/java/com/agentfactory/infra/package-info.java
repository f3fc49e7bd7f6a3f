/** Real PostgreSQL, Kafka and Redis servers started from Maven artifacts, for tests and the local run. */
package com.agentfactory.infra;
