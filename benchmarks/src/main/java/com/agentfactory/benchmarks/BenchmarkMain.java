package com.agentfactory.benchmarks;

import com.agentfactory.benchmarks.hello.HelloApplication;
import java.util.Arrays;

/** Entry point of the exec jar: {@code run} runs the benchmark, {@code hello} serves the hello-world ceiling. */
public final class BenchmarkMain {

    private BenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "run" -> BenchmarkRun.main(rest);
            case "hello" -> HelloApplication.main(rest);
            default -> {
                System.err.println(
                        "usage: java -jar benchmarks-0.1.0-SNAPSHOT-exec.jar run [--project DIR]"
                                + " [--warmup-seconds 10] [--seconds 20] [--workers 64,256] [--low-rate 1000] [--no-rate-limit]"
                                + " [--batch-size 50] [--jit-warmup-max-seconds 60]"
                                + "\n       --batch-size N: tasks per request of the batch targets, 1..500; 0 leaves them out"
                                + "\n       --jit-warmup-max-seconds N: before measuring, load each target until its throughput is"
                                + " steady, at most N s; 0 measures the services cold"
                                + "\n       java -jar benchmarks-0.1.0-SNAPSHOT-exec.jar hello   (the hello-world app, port $PORT)");
                System.exit(2);
            }
        }
    }
}
