package com.agentfactory.support.config;

import com.agentfactory.messaging.web.ApiExceptionHandlerSupport;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem details for this service's API. The domain exceptions all extend the shared ones (not found, conflict,
 * invalid input, not permitted), which the support class maps.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ApiExceptionHandlerSupport {}
