package com.agentfactory.gateway.auth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
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
    private final DeviceCookies deviceCookies;

    AuthController(AuthService authService, DeviceCookies deviceCookies) {
        this.authService = authService;
        this.deviceCookies = deviceCookies;
    }

    @ApiResponse(responseCode = "201", description = "Registered and signed in")
    @ApiResponse(responseCode = "409", description = "An account with that e-mail exists")
    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a customer account and sign in")
    Mono<RegistrationResponse> register(@Valid @RequestBody RegisterRequest request, ServerWebExchange exchange) {
        return blocking(() -> authService.register(request, clientIp(exchange)));
    }

    @PostMapping("/login")
    @Operation(
            summary = "Sign in with email and password",
            description = "After repeated failures from one address that address is locked out of the account for"
                    + " a while, and after many more from any addresses the account is slowed down briefly for"
                    + " addresses and browsers it was not signed in from before: 429 with Retry-After, even for the"
                    + " right password. A successful sign-in sets the device cookie that marks the browser as one"
                    + " the account was signed in from.")
    Mono<TokenResponse> login(@Valid @RequestBody LoginRequest request, ServerWebExchange exchange) {
        HttpCookie presented = exchange.getRequest().getCookies().getFirst(DeviceCookies.NAME);
        String deviceCookie = presented == null ? null : presented.getValue();
        boolean https = "https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme());
        return blocking(() -> authService.login(request, clientIp(exchange), deviceCookie))
                .map(signedIn -> {
                    exchange.getResponse()
                            .addCookie(ResponseCookie.from(DeviceCookies.NAME, signedIn.deviceCookie())
                                    .httpOnly(true)
                                    .secure(deviceCookies.secure(https))
                                    .sameSite("Strict")
                                    .path(DeviceCookies.PATH)
                                    .maxAge(DeviceCookies.VALIDITY)
                                    .build());
                    return signedIn.tokens();
                });
    }

    @PostMapping("/refresh")
    @Operation(summary = "Trade a refresh token for new tokens; the presented one is spent")
    Mono<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request, ServerWebExchange exchange) {
        return blocking(() -> authService.refresh(request, clientIp(exchange)));
    }

    @ApiResponse(responseCode = "204", description = "Signed out, or the token was unknown or already revoked")
    @ApiResponse(responseCode = "400", description = "The body is not a refresh-token request")
    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Sign out: revoke the refresh token and every token rotated from the same sign-in",
            description = "Needs no access token, so an expired session can still be ended. Access tokens already"
                    + " issued stay valid until they expire.")
    Mono<Void> logout(@Valid @RequestBody RefreshRequest request) {
        return Mono.<Void>fromRunnable(() -> authService.logout(request)).subscribeOn(Schedulers.boundedElastic());
    }

    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Client-credentials token for services (SYSTEM_AGENT)")
    Mono<TokenResponse> token(@Valid @RequestBody ClientCredentialsRequest request, ServerWebExchange exchange) {
        return blocking(
                () -> authService.clientCredentials(request.clientId(), request.clientSecret(), clientIp(exchange)));
    }

    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(summary = "Client-credentials token for services, OAuth2 form style")
    Mono<TokenResponse> tokenFromForm(ServerWebExchange exchange) {
        return exchange.getFormData()
                .flatMap(form -> blocking(() -> authService.clientCredentials(
                        form.getFirst("client_id"), form.getFirst("client_secret"), clientIp(exchange))));
    }

    // the client address, as the IP rate limiter sees it (behind the ingress, the address the ingress forwarded)
    private static String clientIp(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return null;
        }
        return remote.getAddress() == null
                ? remote.getHostString()
                : remote.getAddress().getHostAddress();
    }

    // JDBC and password hashing block, so they stay off the event loop
    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
