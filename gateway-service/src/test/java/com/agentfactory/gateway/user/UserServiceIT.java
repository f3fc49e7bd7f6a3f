package com.agentfactory.gateway.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.access.Role;
import com.agentfactory.gateway.support.GatewayIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class UserServiceIT extends GatewayIntegrationTest {

    @Autowired
    UserService users;

    @Test
    void racingSignUpsForOneCustomerGiveOneAccountAndTellTheOthersTheCustomerHasOne() throws Exception {
        UUID customer = UUID.randomUUID();
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<String>> signUps = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            String email = "racer-" + i + "-" + customer + "@example.com";
            signUps.add(() -> {
                start.await();
                try {
                    users.create(new NewUser(email, "a long password 1", "Race", "Runner", Role.CUSTOMER, customer));
                    return "created";
                } catch (CustomerAccountExistsException exists) {
                    return "customer has an account";
                } catch (DuplicateEmailException duplicate) {
                    return "email registered";
                }
            });
        }
        List<String> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
            List<Future<String>> futures = signUps.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<String> future : futures) {
                outcomes.add(future.get());
            }
        }

        assertThat(outcomes).containsOnlyOnce("created");
        assertThat(outcomes).filteredOn("customer has an account"::equals).hasSize(racers - 1);
    }
}
