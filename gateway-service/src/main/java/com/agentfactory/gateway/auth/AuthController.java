package com.agentfactory.gateway.auth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.InetSocketAddress;
import java.time.Duration;
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
        String refreshCookie = cookie(exchange, RefreshCookie.NAME);
        return blocking(() -> authService.register(request, clientIp(exchange), refreshCookie))
                .map(registered -> handOut(registered, exchange));
    }

    @PostMapping("/login")
    @Operation(
            summary = "Sign in with email and password",
            description = "After repeated failures from one address that address is locked out of the account for"
                    + " a while, and after many more from any addresses the account is slowed down briefly for"
                    + " addresses and browsers it was not signed in from before: 429 with Retry-After, even for the"
                    + " right password. A successful sign-in sets the device cookie that marks the browser as one"
                    + " the account was signed in from, and the refresh cookie (see refresh).")
    Mono<TokenResponse> login(@Valid @RequestBody LoginRequest request, ServerWebExchange exchange) {
        String deviceCookie = cookie(exchange, DeviceCookies.NAME);
        String refreshCookie = cookie(exchange, RefreshCookie.NAME);
        return blocking(() -> authService.login(request, clientIp(exchange), deviceCookie, refreshCookie))
                .map(signedIn -> {
                    strictCookie(
                            DeviceCookies.NAME,
                            signedIn.deviceCookie(),
                            DeviceCookies.PATH,
                            DeviceCookies.VALIDITY,
                            exchange);
                    return handOut(new AuthService.Handout<>(signedIn.tokens(), signedIn.refreshCookie()), exchange);
                });
    }

    @PostMapping("/refresh")
    @Operation(
            summary = "Trade a refresh token for new tokens; the presented one is spent",
            description = "Every reply that hands out a refresh token sets the refresh cookie (HttpOnly, for the auth"
                    + " endpoints). A spent token presented again shortly after its use, while its successor is"
                    + " unused, is taken for a retry after a lost reply and answered with a fresh pair only when the"
                    + " request carries that cookie; otherwise the sign-in ends. A first use needs no cookie. A request"
                    + " carrying the cookie gets its value back, so all sign-ins of a browser share one until a sign-out"
                    + " expires it.")
    Mono<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request, ServerWebExchange exchange) {
        String refreshCookie = cookie(exchange, RefreshCookie.NAME);
        return blocking(() -> authService.refresh(request, refreshCookie, clientIp(exchange)))
                .map(refreshed -> handOut(refreshed, exchange));
    }

    @ApiResponse(responseCode = "204", description = "Signed out, or the token was unknown or already revoked")
    @ApiResponse(responseCode = "400", description = "The body is not a refresh-token request")
    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Sign out: revoke the refresh token and every token rotated from the same sign-in",
            description = "Needs no access token, so an expired session can still be ended. Access tokens already"
                    + " issued stay valid until they expire. Expires the refresh cookie, so the browser's next sign-in"
                    + " gets a new one.")
    Mono<Void> logout(@Valid @RequestBody RefreshRequest request, ServerWebExchange exchange) {
        // whatever the token: a copy of the cookie taken before must not vouch for the browser's later sign-ins
        strictCookie(RefreshCookie.NAME, "", RefreshCookie.PATH, Duration.ZERO, exchange);
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

    private <T> T handOut(AuthService.Handout<T> handout, ServerWebExchange exchange) {
        strictCookie(
                RefreshCookie.NAME,
                handout.refreshCookie(),
                RefreshCookie.PATH,
                authService.refreshCookieLifetime(),
                exchange);
        return handout.body();
    }

    // out of reach of scripts and of other sites' requests, as both cookies are credentials of sorts
    private void strictCookie(String name, String value, String path, Duration maxAge, ServerWebExchange exchange) {
        exchange.getResponse()
                .addCookie(ResponseCookie.from(name, value)
                        .httpOnly(true)
                        .secure(deviceCookies.secure(https(exchange)))
                        .sameSite("Strict")
                        .path(path)
                        .maxAge(maxAge)
                        .build());
    }

    private static String cookie(ServerWebExchange exchange, String name) {
        HttpCookie presented = exchange.getRequest().getCookies().getFirst(name);
        return presented == null ? null : presented.getValue();
    }

    // as X-Forwarded-Proto tells behind trusted proxies
    private static boolean https(ServerWebExchange exchange) {
        return "https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme());
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
