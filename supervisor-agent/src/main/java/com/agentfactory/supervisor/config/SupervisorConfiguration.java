package com.agentfactory.supervisor.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduling for task expiry and metrics; the clock comes from the shared messaging configuration. */
@Configuration
@EnableScheduling
class SupervisorConfiguration {}
