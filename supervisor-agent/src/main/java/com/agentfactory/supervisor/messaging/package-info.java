/** Kafka in and out of the supervisor: agents' reports, heartbeats and capability announcements. */
package com.agentfactory.supervisor.messaging;
