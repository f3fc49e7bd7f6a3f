package com.agentfactory.ad.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Allowance keeping, the bid path's refresh, allocation rounds and metrics export run on schedules. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AdConfiguration {}
