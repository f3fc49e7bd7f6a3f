package com.agentfactory.gateway.auth;

import com.agentfactory.access.Role;
import com.agentfactory.gateway.audit.AuthAuditLog;
import com.agentfactory.gateway.audit.AuthEventType;
import com.agentfactory.gateway.user.NewUser;
import com.agentfactory.gateway.user.User;
import com.agentfactory.gateway.user.UserService;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The sign-up, sign-in and token flows; blocking, run on the bounded-elastic scheduler by the controller. */
@Service
class AuthService {

    private static final Logger log = LoggerFactory.getLogger(AuthService.class);

    private final UserService users;
    private final TokenService tokens;
    private final RefreshTokenService refreshTokens;
    private final ServiceClients serviceClients;
    private final LoginThrottle throttle;
    private final DeviceCookies deviceCookies;
    private final AuthAuditLog audit;
    private final CustomerAnnouncements announcements;
    private final TransactionTemplate transactions;

    AuthService(
            UserService users,
            TokenService tokens,
            RefreshTokenService refreshTokens,
            AuthProperties properties,
            LoginThrottle throttle,
            DeviceCookies deviceCookies,
            AuthAuditLog audit,
            CustomerAnnouncements announcements,
            TransactionTemplate transactions) {
        this.users = users;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.serviceClients = ServiceClients.parse(properties.serviceClients());
        this.throttle = throttle;
        this.deviceCookies = deviceCookies;
        this.audit = audit;
        this.announcements = announcements;
        this.transactions = transactions;
        log.info("{} service client(s) may request SYSTEM_AGENT tokens", serviceClients.size());
    }

    /**
     * The account and its announcement to the shop as a customer record are written together or not at all.
     *
     * @param refreshCookie the value of the {@link RefreshCookie} the request carried; null without one
     */
    Handout<RegistrationResponse> register(RegisterRequest request, String clientIp, String refreshCookie) {
        User user = transactions.execute(status -> {
            User created = users.create(new NewUser(
                    request.email(), request.password(), request.firstName(), request.lastName(), Role.CUSTOMER));
            announcements.add(created.customerId(), created.email(), created.createdAt());
            return created;
        });
        audit.record(AuthEventType.REGISTERED, user.id(), user.email(), null, clientIp, null);
        Handout<TokenResponse> issued = issueFor(user, refreshCookie);
        TokenResponse tokens = issued.body();
        return new Handout<>(
                new RegistrationResponse(
                        user.id(),
                        user.email(),
                        tokens.accessToken(),
                        tokens.refreshToken(),
                        "Bearer",
                        tokens.expiresIn()),
                issued.refreshCookie());
    }

    /**
     * A locked account (from the client's address, or from every address while it is slowed down) is refused before
     * its password is checked, so the right password does not get in during a
     * lockout and the answer does not tell whether it was right. The attempt is counted before the check too, so
     * parallel guesses cannot all get past the limit while the first ones are still being checked.
     *
     * @param deviceCookie the device cookie the client sent, if any; one of another account, or of an account erased
     *     since, counts as none
     * @param refreshCookie the value of the {@link RefreshCookie} the request carried; null without one
     */
    SignIn login(LoginRequest request, String clientIp, String deviceCookie, String refreshCookie) {
        String account = LoginThrottle.account(request.email());
        UUID userId = userIdOf(account);
        String device = deviceCookies.deviceOf(deviceCookie, userId).orElse(null);
        LoginThrottle.Attempt attempt = throttle.attempt(account, clientIp, device);
        if (attempt.refused()) {
            audit.record(AuthEventType.LOGIN_REFUSED_LOCKED, userId, account, null, clientIp, null);
            throw new AccountLockedException(attempt.refusedFor());
        }
        Optional<User> user = users.authenticate(request.email(), request.password());
        if (user.isEmpty()) {
            audit.record(AuthEventType.LOGIN_FAILED, userId, account, null, clientIp, null);
            for (LoginThrottle.Lockout lockout : throttle.failed(attempt)) {
                log.warn(
                        "Sign-in {} for {} after repeated failures",
                        switch (lockout.scope()) {
                            case ADDRESS -> "locked from one address";
                            case DEVICE -> "no longer eased for one device cookie";
                            case ACCOUNT -> "slowed down from every address";
                        },
                        userId == null ? "an unknown email" : userId);
                audit.record(
                        AuthEventType.ACCOUNT_LOCKED,
                        userId,
                        account,
                        null,
                        clientIp,
                        switch (lockout.scope()) {
                                    case ADDRESS -> "locked for ";
                                    case DEVICE -> "device cookie not honoured for ";
                                    case ACCOUNT -> "slowed down from every address for ";
                                }
                                + lockout.duration().toSeconds() + " s");
            }
            throw InvalidCredentialsException.login();
        }
        throttle.succeeded(account, clientIp);
        audit.record(AuthEventType.LOGIN_SUCCEEDED, user.get().id(), user.get().email(), null, clientIp, null);
        Handout<TokenResponse> issued = issueFor(user.get(), refreshCookie);
        return new SignIn(issued.body(), deviceCookies.issue(user.get().id()), issued.refreshCookie());
    }

    /**
     * @param deviceCookie the value of the browser's new device cookie: one with a new device id at every sign-in
     * @param refreshCookie the value of the browser's {@link RefreshCookie}
     */
    record SignIn(TokenResponse tokens, String deviceCookie, String refreshCookie) {}

    /**
     * A reply's body that hands out a refresh token, and the value of the {@link RefreshCookie} to set with it.
     */
    record Handout<T>(T body, String refreshCookie) {}

    /** @param refreshCookie the value of the {@link RefreshCookie} the request carried; null without one */
    Handout<TokenResponse> refresh(RefreshRequest request, String refreshCookie, String clientIp) {
        RefreshTokenService.Rotation rotation;
        try {
            rotation = refreshTokens.rotate(request.refreshToken(), refreshCookie);
        } catch (InvalidCredentialsException rejected) {
            audit.record(AuthEventType.REFRESH_REJECTED, null, null, null, clientIp, null);
            throw rejected;
        }
        User user = users.findById(rotation.userId()).orElseThrow(InvalidCredentialsException::refreshToken);
        audit.record(AuthEventType.TOKEN_REFRESHED, user.id(), user.email(), null, clientIp, null);
        // roles are read afresh, so a role change takes effect at the next refresh
        return new Handout<>(TokenResponse.of(access(user), rotation.refreshToken()), rotation.browserCookie());
    }

    /**
     * Signs out: the refresh token's family is revoked, so no token of that sign-in can be refreshed again. An unknown
     * or already revoked token is answered the same way, so the answer tells nothing about it. The access token
     * stays valid until it expires; it is short-lived for that reason.
     */
    void logout(RefreshRequest request) {
        refreshTokens.revokeFamilyOf(request.refreshToken());
    }

    TokenResponse clientCredentials(String clientId, String clientSecret, String clientIp) {
        Optional<String> client = serviceClients.authenticate(clientId, clientSecret);
        if (client.isEmpty()) {
            audit.record(AuthEventType.CLIENT_TOKEN_REFUSED, null, null, null, clientIp, clientIdForLog(clientId));
            throw InvalidCredentialsException.client();
        }
        audit.record(AuthEventType.CLIENT_TOKEN_ISSUED, null, null, client.get(), clientIp, null);
        return TokenResponse.of(tokens.issueClientToken(client.get()), null);
    }

    private UUID userIdOf(String account) {
        return users.findByEmail(account).map(User::id).orElse(null);
    }

    // a client id is caller-chosen text: bounded so a failed attempt cannot write an arbitrary amount into the log
    private static String clientIdForLog(String clientId) {
        if (clientId == null) {
            return "client_id missing";
        }
        return "client_id " + (clientId.length() > 100 ? clientId.substring(0, 100) : clientId);
    }

    private Handout<TokenResponse> issueFor(User user, String refreshCookie) {
        RefreshTokenService.Issued issued = refreshTokens.issue(user.id(), refreshCookie);
        return new Handout<>(TokenResponse.of(access(user), issued.refreshToken()), issued.browserCookie());
    }

    Duration refreshCookieLifetime() {
        return refreshTokens.refreshCookieLifetime();
    }

    private IssuedAccessToken access(User user) {
        return tokens.issueAccessToken(user.id().toString(), user.email(), List.of(user.role()), user.customerId());
    }
}
