package com.agentfactory.gateway.user;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Administrators create staff accounts here; the access rules restrict the path to ADMIN. */
@RestController
@RequestMapping("/api/v1/auth/users")
@Tag(name = "auth")
class UserController {

    private final UserService userService;

    UserController(UserService userService) {
        this.userService = userService;
    }

    @PostMapping
    @Operation(summary = "Create a user with any role (ADMIN only)")
    Mono<ResponseEntity<UserResponse>> create(@Valid @RequestBody CreateUserRequest request) {
        if (!request.role().isAssignableToPerson()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, "Role " + request.role() + " is reserved for service clients.");
            problem.setTitle("Invalid role");
            return Mono.error(new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null));
        }
        NewUser newUser = new NewUser(
                request.email(), request.password(), request.firstName(), request.lastName(), request.role());
        return Mono.fromCallable(() -> userService.create(newUser))
                .subscribeOn(Schedulers.boundedElastic())
                .map(user -> ResponseEntity.created(URI.create("/api/v1/auth/users/" + user.id()))
                        .body(UserResponse.from(user)));
    }
}
