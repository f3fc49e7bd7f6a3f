package com.agentfactory.gateway.auth;

import com.agentfactory.access.Role;
import com.agentfactory.gateway.user.DuplicateEmailException;
import com.agentfactory.gateway.user.HashablePassword;
import com.agentfactory.gateway.user.NewUser;
import com.agentfactory.gateway.user.UserService;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Creates the first administrator from ADMIN_EMAIL / ADMIN_PASSWORD, since only admins can create staff. */
@Component
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final UserService users;
    private final AuthProperties.BootstrapAdmin admin;

    BootstrapAdmin(UserService users, AuthProperties properties) {
        this.users = users;
        this.admin = properties.bootstrapAdmin();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!admin.isConfigured()) {
            return;
        }
        if (users.findByEmail(admin.email()).isPresent()) {
            log.info("Bootstrap administrator {} already exists", admin.email());
            return;
        }
        if (admin.password().length() < 12) {
            throw new IllegalStateException("ADMIN_PASSWORD must have at least 12 characters");
        }
        if (admin.password().getBytes(StandardCharsets.UTF_8).length > HashablePassword.MAX_BYTES) {
            throw new IllegalStateException(
                    "ADMIN_PASSWORD must have at most " + HashablePassword.MAX_BYTES + " bytes in UTF-8");
        }
        try {
            users.create(new NewUser(admin.email(), admin.password(), "Admin", "Bootstrap", Role.ADMIN));
            log.info("Created bootstrap administrator {}", admin.email());
        } catch (DuplicateEmailException alreadyCreated) {
            // another gateway instance starting at the same time won the insert
            log.info("Bootstrap administrator {} was created concurrently", admin.email());
        }
    }
}
