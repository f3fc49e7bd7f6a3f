package com.agentfactory.infra;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the local servers in the foreground until interrupted. {@code --data DIR} sets where data is
 * kept (default .local-data), {@code --clean} starts from empty data.
 */
public final class LocalInfrastructureMain {

    private LocalInfrastructureMain() {}

    public static void main(String[] args) throws InterruptedException {
        var arguments = Arrays.asList(args);
        boolean clean = arguments.contains("--clean");
        int dataIndex = arguments.indexOf("--data");
        Path data = Path.of(dataIndex >= 0 && dataIndex + 1 < args.length ? args[dataIndex + 1] : ".local-data");
        LocalInfrastructure infrastructure =
                LocalInfrastructure.start(InfrastructureSettings.forLocalRun(data.toAbsolutePath(), clean));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            infrastructure.close();
                            stopped.countDown();
                        },
                        "local-infra-shutdown"));
        System.out.println("READY "
                + String.join(
                        " ",
                        infrastructure.environment().entrySet().stream()
                                .map(entry -> entry.getKey() + "=" + entry.getValue())
                                .toList()));
        stopped.await();
    }
}
