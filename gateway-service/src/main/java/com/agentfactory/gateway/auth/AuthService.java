package com.agentfactory.gateway.auth;

import com.agentfactory.gateway.access.Role;
import com.agentfactory.gateway.user.NewUser;
import com.agentfactory.gateway.user.User;
import com.agentfactory.gateway.user.UserService;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The sign-up, sign-in and token flows; blocking, run on the bounded-elastic scheduler by the controller. */
@Service
class AuthService {

    private static final Logger log = LoggerFactory.getLogger(AuthService.class);

    private final UserService users;
    private final TokenService tokens;
    private final RefreshTokenService refreshTokens;
    private final ServiceClients serviceClients;

    AuthService(UserService users, TokenService tokens, RefreshTokenService refreshTokens, AuthProperties properties) {
        this.users = users;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.serviceClients = ServiceClients.parse(properties.serviceClients());
        log.info("{} service client(s) may request SYSTEM_AGENT tokens", serviceClients.size());
    }

    RegistrationResponse register(RegisterRequest request) {
        User user = users.create(new NewUser(
                request.email(), request.password(), request.firstName(), request.lastName(), Role.CUSTOMER));
        TokenResponse issued = issueFor(user);
        return new RegistrationResponse(
                user.id(), user.email(), issued.accessToken(), issued.refreshToken(), "Bearer", issued.expiresIn());
    }

    TokenResponse login(LoginRequest request) {
        User user =
                users.authenticate(request.email(), request.password()).orElseThrow(InvalidCredentialsException::login);
        return issueFor(user);
    }

    TokenResponse refresh(RefreshRequest request) {
        RefreshTokenService.Rotation rotation = refreshTokens.rotate(request.refreshToken());
        User user = users.findById(rotation.userId()).orElseThrow(InvalidCredentialsException::refreshToken);
        // roles are read afresh, so a role change takes effect at the next refresh
        return TokenResponse.of(access(user), rotation.refreshToken());
    }

    TokenResponse clientCredentials(String clientId, String clientSecret) {
        String client =
                serviceClients.authenticate(clientId, clientSecret).orElseThrow(InvalidCredentialsException::client);
        return TokenResponse.of(tokens.issueAccessToken(client, null, List.of(Role.SYSTEM_AGENT), null), null);
    }

    private TokenResponse issueFor(User user) {
        return TokenResponse.of(access(user), refreshTokens.issue(user.id()));
    }

    private IssuedAccessToken access(User user) {
        return tokens.issueAccessToken(user.id().toString(), user.email(), List.of(user.role()), user.customerId());
    }
}
