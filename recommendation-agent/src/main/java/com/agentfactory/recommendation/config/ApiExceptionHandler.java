package com.agentfactory.recommendation.config;

import com.agentfactory.messaging.web.ApiExceptionHandlerSupport;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details for this service's API: its domain exceptions are the shared ones, mapped by the support. */
@RestControllerAdvice
class ApiExceptionHandler extends ApiExceptionHandlerSupport {}
