package com.agentfactory.gateway.support;

import com.agentfactory.access.Role;
import com.agentfactory.gateway.auth.TestTokens;
import com.agentfactory.gateway.user.NewUser;
import com.agentfactory.gateway.user.User;
import com.agentfactory.gateway.user.UserService;
import java.util.UUID;

/** Object Mother for users: stored in the real identity schema, signed in with a real access token. */
public final class TestUsers {

    public static final String PASSWORD = "correct-horse-battery-staple";

    private final UserService users;
    private final TestTokens tokens;

    public TestUsers(UserService users, TestTokens tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    public TestTokens tokens() {
        return tokens;
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID() + "@example.test";
    }

    public static NewUser newUser(Role role) {
        return new NewUser(uniqueEmail(role.name().toLowerCase()), PASSWORD, "Test", role.name(), role);
    }

    public SignedIn customer() {
        return signedIn(Role.CUSTOMER);
    }

    public SignedIn admin() {
        return signedIn(Role.ADMIN);
    }

    public SignedIn signedIn(Role role) {
        User user = users.create(newUser(role));
        return new SignedIn(user, tokens.accessTokenFor(user));
    }

    /** A service client's token, as /api/v1/auth/token would issue it. */
    public String systemAgentToken() {
        return tokens.systemAgentToken("test-service");
    }

    public record SignedIn(User user, String accessToken) {

        public UUID id() {
            return user.id();
        }

        public String bearer() {
            return "Bearer " + accessToken;
        }
    }
}
