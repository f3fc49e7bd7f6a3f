package com.agentfactory.gateway.user;

import com.agentfactory.access.Role;
import com.agentfactory.gateway.audit.AuthAuditLog;
import com.agentfactory.gateway.audit.AuthEventType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Administrators create staff accounts and change roles here; the access rules restrict the paths to ADMIN. */
@RestController
@RequestMapping("/api/v1/auth/users")
@Tag(name = "auth")
class UserController {

    private final UserService userService;
    private final AuthAuditLog audit;

    UserController(UserService userService, AuthAuditLog audit) {
        this.userService = userService;
        this.audit = audit;
    }

    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "403", description = "Only an ADMIN creates users")
    @ApiResponse(responseCode = "409", description = "An account with that e-mail, or for that customer, exists")
    @PostMapping
    @Operation(
            summary = "Create a user with any role (ADMIN only)",
            description = "A CUSTOMER account may name the storefront customer it signs in as (customer_id), for"
                    + " customers the shop knew before their account.")
    Mono<ResponseEntity<UserResponse>> create(@Valid @RequestBody CreateUserRequest request) {
        if (!request.role().isAssignableToPerson()) {
            return Mono.error(reservedRole(request.role()));
        }
        if (request.customerId() != null && request.role() != Role.CUSTOMER) {
            return Mono.error(customerOfStaff(request.role()));
        }
        NewUser newUser = new NewUser(
                request.email(),
                request.password(),
                request.firstName(),
                request.lastName(),
                request.role(),
                request.customerId());
        return actor().flatMap(actor -> Mono.fromCallable(() -> {
                            User user = userService.create(newUser);
                            audit.record(
                                    AuthEventType.USER_CREATED,
                                    user.id(),
                                    user.email(),
                                    actor,
                                    null,
                                    "role " + user.role()
                                            + (request.customerId() == null ? "" : ", customer " + user.id()));
                            return user;
                        })
                        .subscribeOn(Schedulers.boundedElastic()))
                .map(user -> ResponseEntity.created(URI.create("/api/v1/auth/users/" + user.id()))
                        .body(UserResponse.from(user)));
    }

    @ApiResponse(responseCode = "200", description = "Changed")
    @ApiResponse(responseCode = "403", description = "Only an ADMIN changes roles")
    @ApiResponse(responseCode = "409", description = "The user is the last ADMIN and the new role is another")
    @PutMapping("/{userId}/role")
    @Operation(
            summary = "Change a user's role (ADMIN only)",
            description = "Takes effect at the user's next sign-in or token refresh.")
    Mono<UserResponse> changeRole(@PathVariable UUID userId, @Valid @RequestBody ChangeRoleRequest request) {
        if (!request.role().isAssignableToPerson()) {
            return Mono.error(reservedRole(request.role()));
        }
        return actor().flatMap(actor -> Mono.fromCallable(() -> {
                            User before = userService.changeRole(userId, request.role());
                            audit.record(
                                    AuthEventType.ROLE_CHANGED,
                                    before.id(),
                                    before.email(),
                                    actor,
                                    null,
                                    before.role() + " -> " + request.role());
                            return userService.findById(userId).orElseThrow(UserNotFoundException::new);
                        })
                        .subscribeOn(Schedulers.boundedElastic()))
                .map(UserResponse::from);
    }

    // the token's subject: these paths are ADMIN-only, so there always is one
    private static Mono<String> actor() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(Authentication::getName)
                .defaultIfEmpty("unknown");
    }

    private static ErrorResponseException customerOfStaff(Role role) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "A " + role + " account is not a storefront customer's.");
        problem.setTitle("Invalid request");
        problem.setProperty(
                "errors", List.of(Map.of("field", "customer_id", "message", "is only for a CUSTOMER account")));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    private static ErrorResponseException reservedRole(Object role) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "Role " + role + " is reserved for service clients.");
        problem.setTitle("Invalid role");
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
