package com.agentfactory.gateway.user;

import com.agentfactory.access.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(User user) {
        jdbc.sql("""
                        INSERT INTO users (id, email, password_hash, first_name, last_name, role, created_at)
                        VALUES (:id, :email, :passwordHash, :firstName, :lastName, :role, :createdAt)
                        """)
                .param("id", user.id())
                .param("email", user.email())
                .param("passwordHash", user.passwordHash())
                .param("firstName", user.firstName())
                .param("lastName", user.lastName())
                .param("role", user.role().name())
                .param("createdAt", Timestamp.from(user.createdAt()))
                .update();
    }

    void updateRole(UUID id, Role role) {
        jdbc.sql("UPDATE users SET role = :role WHERE id = :id")
                .param("id", id)
                .param("role", role.name())
                .update();
    }

    /**
     * The ADMINs' ids, their rows locked until the transaction ends. In id order, so concurrent callers take the
     * locks in the same order; a row demoted while this waited for its lock drops out of the answer.
     */
    List<UUID> lockAdmins() {
        return jdbc.sql("SELECT id FROM users WHERE role = 'ADMIN' ORDER BY id FOR UPDATE")
                .query(UUID.class)
                .list();
    }

    Optional<User> findByIdForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM users WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(UserRepository::map)
                .optional();
    }

    Optional<User> findByEmail(String email) {
        return jdbc.sql("SELECT * FROM users WHERE lower(email) = lower(:email)")
                .param("email", email)
                .query(UserRepository::map)
                .optional();
    }

    Optional<User> findById(UUID id) {
        return jdbc.sql("SELECT * FROM users WHERE id = :id")
                .param("id", id)
                .query(UserRepository::map)
                .optional();
    }

    private static User map(ResultSet rs, int row) throws SQLException {
        return new User(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("password_hash"),
                rs.getString("first_name"),
                rs.getString("last_name"),
                Role.valueOf(rs.getString("role")),
                rs.getTimestamp("created_at").toInstant());
    }
}
