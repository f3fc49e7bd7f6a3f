package com.agentfactory.support.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Background work: handing customer messages whose turn never finished to a person, forgetting cancellations whose
 * order never arrived.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {}
