package com.agentfactory.gateway.auth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.concurrent.Callable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "auth")
class AuthController {

    private final AuthService authService;

    AuthController(AuthService authService) {
        this.authService = authService;
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a customer account and sign in")
    Mono<RegistrationResponse> register(@Valid @RequestBody RegisterRequest request) {
        return blocking(() -> authService.register(request));
    }

    @PostMapping("/login")
    @Operation(summary = "Sign in with email and password")
    Mono<TokenResponse> login(@Valid @RequestBody LoginRequest request) {
        return blocking(() -> authService.login(request));
    }

    @PostMapping("/refresh")
    @Operation(summary = "Trade a refresh token for new tokens; the presented one is spent")
    Mono<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request) {
        return blocking(() -> authService.refresh(request));
    }

    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Client-credentials token for services (SYSTEM_AGENT)")
    Mono<TokenResponse> token(@Valid @RequestBody ClientCredentialsRequest request) {
        return blocking(() -> authService.clientCredentials(request.clientId(), request.clientSecret()));
    }

    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(summary = "Client-credentials token for services, OAuth2 form style")
    Mono<TokenResponse> tokenFromForm(ServerWebExchange exchange) {
        return exchange.getFormData()
                .flatMap(form -> blocking(() ->
                        authService.clientCredentials(form.getFirst("client_id"), form.getFirst("client_secret"))));
    }

    // JDBC and password hashing block, so they stay off the event loop
    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
