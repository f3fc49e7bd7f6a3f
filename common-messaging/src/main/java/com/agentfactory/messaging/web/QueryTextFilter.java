package com.agentfactory.messaging.web;

import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.text.StorableText;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a query parameter holding a NUL with 400, naming the parameter: no text that PostgreSQL cannot store or
 * compare reaches a controller through the address (bodies are checked where they are read, see {@link StorableText}).
 */
public class QueryTextFilter extends OncePerRequestFilter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<FieldErrorDetail> errors = nulParameters(request.getQueryString());
        if (errors.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Invalid request");
        problem.put("status", HttpStatus.BAD_REQUEST.value());
        problem.put("detail", "The request has invalid parameters.");
        problem.put("instance", request.getRequestURI());
        problem.put("errors", errors);
        response.getWriter().write(JSON.writeValueAsString(problem));
    }

    static List<FieldErrorDetail> nulParameters(String query) {
        List<FieldErrorDetail> errors = new ArrayList<>();
        if (query == null || query.isEmpty()) {
            return errors;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (StorableText.containsNul(name) || StorableText.containsNul(value)) {
                errors.add(new FieldErrorDetail(name.replace("\0", "\\u0000"), StorableText.NUL_MESSAGE));
            }
        }
        return errors;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text; // a broken escape is not a NUL; the parameter's own binding reports it
        }
    }
}
