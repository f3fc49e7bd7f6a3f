package com.agentfactory.gateway.user;

import com.agentfactory.access.Role;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Blocking user operations; reactive callers run them on the bounded-elastic scheduler. */
@Service
public class UserService {

    private final UserRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final TransactionTemplate transactions;

    // Checked against when the email is unknown, so both failures take the time of one hash check.
    private final String unknownUserHash;

    UserService(
            UserRepository repository, PasswordEncoder passwordEncoder, Clock clock, TransactionTemplate transactions) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.transactions = transactions;
        this.unknownUserHash = passwordEncoder.encode(UUID.randomUUID().toString());
    }

    /**
     * @throws DuplicateEmailException when the e-mail has an account
     * @throws CustomerAccountExistsException when the named customer has an account
     */
    public User create(NewUser newUser) {
        if (!newUser.role().isAssignableToPerson()) {
            throw new IllegalArgumentException("Role " + newUser.role() + " is for services, not people");
        }
        if (newUser.customerId() != null && newUser.role() != Role.CUSTOMER) {
            throw new IllegalArgumentException("Only a CUSTOMER account is for a storefront customer");
        }
        // a customer's id is their user id: an account for a known customer takes that customer's id
        UUID id = newUser.customerId() != null ? newUser.customerId() : UUID.randomUUID();
        if (newUser.customerId() != null && repository.findById(id).isPresent()) {
            throw new CustomerAccountExistsException(id);
        }
        User user = new User(
                id,
                newUser.email().trim(),
                passwordEncoder.encode(newUser.password()),
                newUser.firstName().trim(),
                newUser.lastName().trim(),
                newUser.role(),
                clock.instant());
        try {
            repository.insert(user);
        } catch (DuplicateKeyException duplicate) {
            // the primary key and the unique index on lower(email) decide, so two racing sign-ups cannot both win;
            // the pre-check above cannot see a racing account for the same customer, the key can
            if (newUser.customerId() != null && repository.findById(id).isPresent()) {
                throw new CustomerAccountExistsException(id);
            }
            throw new DuplicateEmailException();
        }
        return user;
    }

    /** The user with these credentials, or empty: callers cannot tell an unknown email from a wrong password. */
    public Optional<User> authenticate(String email, String password) {
        Optional<User> user = repository.findByEmail(email.trim().toLowerCase(Locale.ROOT));
        String hash = user.map(User::passwordHash).orElse(unknownUserHash);
        boolean matches = passwordEncoder.matches(password, hash);
        return matches ? user : Optional.empty();
    }

    /**
     * Sets the user's role; returns the user as it was before, so the caller can record what changed.
     *
     * @throws LastAdminException when the user is the last ADMIN and the new role is another
     */
    public User changeRole(UUID id, Role role) {
        if (!role.isAssignableToPerson()) {
            throw new IllegalArgumentException("Role " + role + " is for services, not people");
        }
        return transactions.execute(status -> {
            // every change takes the ADMIN rows' locks first, so two admins demoting each other (or themselves) at
            // once are serialised and the second sees the first's demotion
            List<UUID> admins = repository.lockAdmins();
            User before = repository.findByIdForUpdate(id).orElseThrow(UserNotFoundException::new);
            boolean demotesAnAdmin = before.role() == Role.ADMIN && role != Role.ADMIN;
            boolean anotherAdmin = admins.stream().anyMatch(admin -> !admin.equals(id));
            if (demotesAnAdmin && !anotherAdmin) {
                throw new LastAdminException();
            }
            repository.updateRole(id, role);
            return before;
        });
    }

    public Optional<User> findById(UUID id) {
        return repository.findById(id);
    }

    public Optional<User> findByEmail(String email) {
        return repository.findByEmail(email.trim());
    }
}
