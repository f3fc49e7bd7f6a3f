package com.agentfactory.campaign.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.agentfactory.messaging.error.DomainException;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The journeys the API documents as request examples are ones the API itself accepts. */
class JourneyControllerExamplesTest {

    @Test
    void everyJourneyExampleInTheApiDescriptionPassesTheValidator() {
        List<Example> examples = journeyExamples();

        assertThat(examples).as("the controller documents at least one journey").isNotEmpty();
        for (Example example : examples) {
            Throwable refusal = catchThrowable(() -> JourneyDefinitions.parse(example.value(), example.yaml()));
            assertThat(refusal)
                    .as(
                            "example '%s' (%s): %s",
                            example.name(),
                            example.mediaType(),
                            refusal instanceof DomainException domain ? domain.errors() : refusal)
                    .isNull();
        }
    }

    private record Example(String name, String mediaType, String value) {
        boolean yaml() {
            return mediaType.contains("yaml");
        }
    }

    /** The examples of every request body that takes a journey definition, read from the OpenAPI annotations. */
    private static List<Example> journeyExamples() {
        List<Example> examples = new ArrayList<>();
        for (Method method : JourneyController.class.getDeclaredMethods()) {
            for (Annotation[] parameter : method.getParameterAnnotations()) {
                for (Annotation annotation : parameter) {
                    if (annotation instanceof RequestBody body) {
                        for (Content content : body.content()) {
                            for (ExampleObject example : content.examples()) {
                                if (example.value().contains("steps")) {
                                    examples.add(new Example(example.name(), content.mediaType(), example.value()));
                                }
                            }
                        }
                    }
                }
            }
        }
        return examples;
    }
}
