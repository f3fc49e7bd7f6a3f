package com.agentfactory.recommendation.evaluation;

import com.agentfactory.recommendation.model.EaseModel;
import com.agentfactory.recommendation.model.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Whether a retraining of EASE^R fits the service's heap: trains the model on {@code items} items twice, the first
 * kept as the model in service while the second is trained (as a retraining does), beside {@code other-mb} MB held
 * for the rest of the service's live data. Run it with the service's -Xmx; an OutOfMemoryError is the answer no.
 * Usage: {@code EaseHeapCheck <items> [other-mb]}.
 */
public final class EaseHeapCheck {

    private EaseHeapCheck() {}

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: EaseHeapCheck <items> [other-mb, default 60]");
            System.exit(2);
        }
        int items = Integer.parseInt(args[0]);
        byte[][] rest = new byte[args.length > 1 ? Integer.parseInt(args[1]) : 60][];
        for (int i = 0; i < rest.length; i++) {
            rest[i] = new byte[1 << 20];
        }
        // every item drawn by some of 20,000 customers, so all of them are modelled
        Random random = new Random(42);
        List<Signal> signals = new ArrayList<>();
        for (int customer = 0; customer < 20_000; customer++) {
            for (int purchase = 0; purchase < 10; purchase++) {
                signals.add(new Signal("c" + customer, "i" + random.nextInt(items), 1.0));
            }
        }
        long started = System.nanoTime();
        EaseModel inService = EaseModel.train(signals, 100, items);
        EaseModel retrained = EaseModel.train(signals, 100, items);
        System.out.printf(
                "trained %d and %d items beside %d MB in %.1f s, heap at most %d MB%n",
                inService.itemCount(),
                retrained.itemCount(),
                rest.length,
                (System.nanoTime() - started) / 1e9,
                Runtime.getRuntime().maxMemory() >> 20);
    }
}
