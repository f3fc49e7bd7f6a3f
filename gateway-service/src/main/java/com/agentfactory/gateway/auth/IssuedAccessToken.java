package com.agentfactory.gateway.auth;

record IssuedAccessToken(String value, long expiresInSeconds) {}
