package com.agentfactory.gateway.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * PostgreSQL's text cannot hold U+0000: a NUL in a sign-up or sign-in field would fail the write as a 500. Every
 * typed string of a request body refuses it where it is read, reported with the field's path (the services get
 * the same rule from common-messaging's StorableText, which the gateway does not depend on).
 */
@Configuration(proxyBeanMethods = false)
class StorableTextConfiguration {

    static final String NUL_MESSAGE = "must not contain the NUL character (U+0000)";

    @Bean
    JacksonModule storableTextModule() {
        return new SimpleModule("storable-text").addDeserializer(String.class, new NulRefusingStringDeserializer());
    }

    private static final class NulRefusingStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = super.deserialize(p, ctxt);
            if (value != null && value.indexOf('\0') >= 0) {
                return (String) ctxt.reportInputMismatch(this, NUL_MESSAGE);
            }
            return value;
        }
    }
}
