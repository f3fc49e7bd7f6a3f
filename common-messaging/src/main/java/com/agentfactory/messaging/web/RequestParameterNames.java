package com.agentfactory.messaging.web;

import com.agentfactory.messaging.error.FieldErrorDetail;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The name a caller used for a rejected parameter: the header, query parameter or path variable as it is on the
 * wire ({@code Idempotency-Key}, {@code period}), never the Java method and parameter names
 * ({@code reserve.idempotencyKey}) that Bean Validation reports.
 */
final class RequestParameterNames {

    private RequestParameterNames() {}

    static String of(MethodParameter parameter) {
        MergedAnnotations annotations = MergedAnnotations.from(parameter.getParameterAnnotations());
        for (Class<? extends java.lang.annotation.Annotation> binding :
                List.of(RequestHeader.class, RequestParam.class, PathVariable.class)) {
            MergedAnnotation<?> annotation = annotations.get(binding);
            if (annotation.isPresent() && !annotation.getString("name").isEmpty()) {
                return annotation.getString("name");
            }
        }
        String javaName = parameter.getParameterName();
        return FieldErrorDetail.snakeCase(javaName == null ? "arg" + parameter.getParameterIndex() : javaName);
    }

    /** A method-validation path is method, parameter, then the parameter's own properties (if it is an object). */
    static String of(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        if (nodes.size() < 2
                || nodes.get(0).getKind() != ElementKind.METHOD
                || nodes.get(1).getKind() != ElementKind.PARAMETER) {
            return FieldErrorDetail.snakeCase(violation.getPropertyPath().toString());
        }
        Path.MethodNode methodNode = nodes.get(0).as(Path.MethodNode.class);
        int index = nodes.get(1).as(Path.ParameterNode.class).getParameterIndex();
        Method method = ReflectionUtils.findMethod(
                ClassUtils.getUserClass(violation.getRootBeanClass()),
                methodNode.getName(),
                methodNode.getParameterTypes().toArray(Class<?>[]::new));
        StringBuilder field = new StringBuilder(
                method == null
                        ? FieldErrorDetail.snakeCase(nodes.get(1).getName())
                        : of(new MethodParameter(method, index)));
        for (Path.Node node : nodes.subList(2, nodes.size())) {
            if (node.isInIterable()) {
                field.append('[')
                        .append(node.getIndex() != null ? node.getIndex() : node.getKey())
                        .append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                field.append('.').append(FieldErrorDetail.snakeCase(node.getName()));
            }
        }
        return field.toString();
    }
}
