package com.agentfactory.inventory.config;

import com.agentfactory.messaging.web.ApiExceptionHandlerSupport;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details for this service's API; its domain exceptions extend the shared ones the support class maps. */
@RestControllerAdvice
class ApiExceptionHandler extends ApiExceptionHandlerSupport {}
