package com.agentfactory.inventory.config;

import com.agentfactory.messaging.web.ApiExceptionHandlerSupport;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details for this service's API; domain exceptions are mapped here as the features arrive. */
@RestControllerAdvice
class ApiExceptionHandler extends ApiExceptionHandlerSupport {}
