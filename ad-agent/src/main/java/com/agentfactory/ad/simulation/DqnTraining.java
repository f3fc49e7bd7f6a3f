package com.agentfactory.ad.simulation;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import com.agentfactory.ad.policy.BidPolicy;
import com.agentfactory.ad.policy.BidState;
import com.agentfactory.ad.policy.CampaignStatistics;
import com.agentfactory.ad.policy.DqnBidPolicy;
import com.agentfactory.ad.policy.QFunction;
import com.agentfactory.ad.policy.RlbBidPolicy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains the DQN of {@link DqnBidPolicy} on the first half of the log only: episodes are replayed in order, an
 * epsilon-greedy agent picks the segment multipliers, transitions go to a replay buffer, and a DJL (PyTorch) MLP is
 * fitted to targets from a target network kept by soft updates. The reward of a segment is the expected clicks won
 * (sum of the won impressions' pCTR, over average CTR x segment length): the log's clicks are too few (about 32 in
 * the first half of campaign 2997) to learn from without fitting noise. Several networks (three by default) are
 * trained from seeds of their own and the policy acts on the mean of their action values: one network's greedy
 * policy varied between seeds by as much as the DQN gains over RLB.
 */
final class DqnTraining {

    static final int HIDDEN = 64;
    static final int BATCH = 64;
    static final int REPLAY_CAPACITY = 50_000;
    static final int WARM_UP = 500;
    static final float LEARNING_RATE = 1e-3f;
    static final float SOFT_UPDATE = 0.005f;
    static final double EPSILON_START = 1.0;
    static final double EPSILON_MIN = 0.05;
    /** Far apart, so that no network of one run shares its seed with a network of the next run's seed. */
    static final long NETWORK_SEED_STRIDE = 1_000_003L;

    private DqnTraining() {}

    static BidPolicy train(Inputs inputs, Map<String, Object> details) {
        RlbBidPolicy rlb = inputs.rlb();
        SimulatorOptions options = inputs.options();
        // the engine must never try to download a native library: it comes from the classpath or not at all
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("ai.djl.pytorch.num_threads", "1");
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        Engine engine;
        try {
            engine = Engine.getEngine("PyTorch");
        } catch (EngineException | UnsatisfiedLinkError | IllegalArgumentException e) {
            throw new SimulationInputException("the dqn policy needs the PyTorch native library on the classpath"
                    + " (build with the dqn profile): " + e.getMessage());
        }
        long started = System.nanoTime();
        List<QFunction> networks = new ArrayList<>();
        long decisions = 0;
        long steps = 0;
        for (int k = 0; k < options.dqnNetworks(); k++) {
            // the first network is seeded with the run's own seed, so --dqn-networks 1 trains that one network
            long seed = options.seed() + NETWORK_SEED_STRIDE * k;
            Agent agent = trainNetwork(engine, inputs, seed, k);
            networks.add(agent::values);
            decisions += agent.decisions;
            steps += agent.steps;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        details.put("training_seconds", Math.round(seconds * 100) / 100.0);
        details.put("training_epochs", options.dqnEpochs());
        details.put("networks", networks.size());
        details.put("training_decisions", decisions);
        details.put("gradient_steps", steps);
        details.put("actions", DqnBidPolicy.MULTIPLIERS);
        details.put("library", "DJL " + Engine.getDjlVersion() + " / PyTorch " + engine.getVersion());
        return DqnBidPolicy.greedy(rlb, averaged(networks), inputs.training().averageCtr());
    }

    /**
     * The mean of the networks' action values: each network, trained from its own seed on the same half, fits the
     * few hundred decisions' noise in its own way, and the mean keeps what they agree on.
     */
    static QFunction averaged(List<QFunction> networks) {
        if (networks.size() == 1) {
            return networks.getFirst();
        }
        return features -> {
            float[] mean = null;
            for (QFunction network : networks) {
                float[] values = network.actionValues(features);
                if (mean == null) {
                    mean = new float[values.length];
                }
                for (int a = 0; a < values.length; a++) {
                    mean[a] += values[a] / networks.size();
                }
            }
            return mean;
        };
    }

    /** What every network of a run trains on: the first half of the log, its statistics, RLB to shape. */
    record Inputs(
            RlbBidPolicy rlb,
            CampaignStatistics training,
            AuctionLog firstHalf,
            int episode,
            long budget,
            SimulatorOptions options,
            PrintStream out) {}

    private static Agent trainNetwork(Engine engine, Inputs inputs, long seed, int index) {
        RlbBidPolicy rlb = inputs.rlb();
        CampaignStatistics training = inputs.training();
        AuctionLog firstHalf = inputs.firstHalf();
        int episode = inputs.episode();
        SimulatorOptions options = inputs.options();
        engine.setRandomSeed((int) seed);
        Model model = Model.newInstance("dqn-bidding", Device.cpu(), "PyTorch");
        model.setBlock(network());
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                .optOptimizer(Optimizer.adam()
                        .optLearningRateTracker(Tracker.fixed(LEARNING_RATE))
                        .build())
                .optDevices(new Device[] {Device.cpu()});
        Trainer trainer = model.newTrainer(config);
        trainer.initialize(new Shape(1, DqnBidPolicy.FEATURES));
        NDManager manager = model.getNDManager();
        Block target = network();
        target.initialize(manager, DataType.FLOAT32, new Shape(1, DqnBidPolicy.FEATURES));
        softUpdate(model.getBlock(), target, 1f);
        ParameterStore targetStore = new ParameterStore(manager, false);

        Random random = new Random(seed);
        Agent agent = new Agent(
                trainer, target, targetStore, manager, random, training.averageCtr() * episode / DqnBidPolicy.SEGMENTS);
        int episodesPerEpoch = Math.max(1, firstHalf.size() / episode);
        int totalEpisodes = options.dqnEpochs() * episodesPerEpoch;
        double decay = Math.exp(Math.log(EPSILON_MIN / EPSILON_START) / Math.max(1, 0.7 * totalEpisodes));
        AuctionReplay replay = new AuctionReplay(episode, inputs.budget());
        DqnBidPolicy explorer = new DqnBidPolicy(rlb, agent::select, training.averageCtr());
        String name = options.dqnNetworks() == 1 ? "dqn " : "dqn" + (index + 1);
        for (int epoch = 1; epoch <= options.dqnEpochs(); epoch++) {
            agent.epsilonDecay = decay;
            ReplayResult result = replay.run(explorer, firstHalf, agent);
            if (epoch % 10 == 0 || epoch == options.dqnEpochs()) {
                inputs.out()
                        .printf(
                                "%s epoch %3d epsilon %.3f mean loss %.5f clicks %d (first half, exploring)%n",
                                name, epoch, agent.epsilon, agent.meanLoss(), result.clicks());
            }
        }
        if (options.dqnModelOut() != null) {
            try {
                Files.createDirectories(options.dqnModelOut());
                model.save(options.dqnModelOut(), index == 0 ? "dqn-bidding" : "dqn-bidding-" + (index + 1));
            } catch (IOException e) {
                throw new SimulationInputException(
                        "cannot save the DQN to " + options.dqnModelOut() + ": " + e.getMessage());
            }
        }
        return agent;
    }

    static Block network() {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(HIDDEN).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(HIDDEN).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(DqnBidPolicy.MULTIPLIERS.size()).build());
    }

    /** target = tau x online + (1 - tau) x target, parameter by parameter. */
    static void softUpdate(Block online, Block target, float tau) {
        Iterator<Pair<String, Parameter>> targets = target.getParameters().iterator();
        for (Pair<String, Parameter> source : online.getParameters()) {
            NDArray targetArray = targets.next().getValue().getArray();
            NDArray sourceArray = source.getValue().getArray();
            try (NDArray scaled = sourceArray.mul(tau)) {
                targetArray.muli(1 - tau).addi(scaled);
            }
        }
    }

    private record Transition(float[] state, int action, float reward, float[] next, boolean done) {}

    /** The exploring agent: chooses actions, collects transitions from the replay, learns after each decision. */
    private static final class Agent implements DqnBidPolicy.ActionSelector, AuctionReplay.AuctionObserver {
        private final Trainer trainer;
        private final Block target;
        private final ParameterStore targetStore;
        private final NDManager manager;
        private final Random random;
        private final double rewardScale;
        private final List<Transition> buffer = new ArrayList<>();
        private int bufferNext;
        private double epsilon = EPSILON_START;
        private double epsilonDecay = 1;
        private float[] pendingState;
        private int pendingAction;
        private double pendingReward;
        private long decisions;
        private long steps;
        private double lossSum;
        private long lossCount;

        Agent(
                Trainer trainer,
                Block target,
                ParameterStore targetStore,
                NDManager manager,
                Random random,
                double rewardScale) {
            this.trainer = trainer;
            this.target = target;
            this.targetStore = targetStore;
            this.manager = manager;
            this.random = random;
            this.rewardScale = rewardScale;
        }

        @Override
        public int select(float[] features) {
            if (pendingState != null) {
                remember(new Transition(
                        pendingState, pendingAction, (float) (pendingReward / rewardScale), features, false));
            }
            int action = random.nextDouble() < epsilon
                    ? random.nextInt(DqnBidPolicy.MULTIPLIERS.size())
                    : argmax(values(features));
            pendingState = features;
            pendingAction = action;
            pendingReward = 0;
            decisions++;
            learn();
            return action;
        }

        @Override
        public void auction(BidState state, long bid, boolean won, long paid, boolean clicked) {
            if (won) {
                pendingReward += state.pctr();
            }
            if (state.remainingAuctions() == 1 && pendingState != null) {
                remember(new Transition(
                        pendingState, pendingAction, (float) (pendingReward / rewardScale), pendingState, true));
                pendingState = null;
                epsilon = Math.max(EPSILON_MIN, epsilon * epsilonDecay);
            }
        }

        private void remember(Transition transition) {
            if (buffer.size() < REPLAY_CAPACITY) {
                buffer.add(transition);
            } else {
                buffer.set(bufferNext, transition);
                bufferNext = (bufferNext + 1) % REPLAY_CAPACITY;
            }
        }

        float[] values(float[] features) {
            try (NDManager scope = manager.newSubManager()) {
                NDArray input = scope.create(features, new Shape(1, features.length));
                return trainer.evaluate(new NDList(input)).singletonOrThrow().toFloatArray();
            }
        }

        private void learn() {
            if (buffer.size() < WARM_UP) {
                return;
            }
            int actions = DqnBidPolicy.MULTIPLIERS.size();
            float[] states = new float[BATCH * DqnBidPolicy.FEATURES];
            float[] nexts = new float[BATCH * DqnBidPolicy.FEATURES];
            float[] masks = new float[BATCH * actions];
            float[] rewards = new float[BATCH];
            float[] notDone = new float[BATCH];
            for (int i = 0; i < BATCH; i++) {
                Transition t = buffer.get(random.nextInt(buffer.size()));
                System.arraycopy(t.state(), 0, states, i * DqnBidPolicy.FEATURES, DqnBidPolicy.FEATURES);
                System.arraycopy(t.next(), 0, nexts, i * DqnBidPolicy.FEATURES, DqnBidPolicy.FEATURES);
                masks[i * actions + t.action()] = 1;
                rewards[i] = t.reward();
                notDone[i] = t.done() ? 0 : 1;
            }
            try (NDManager scope = manager.newSubManager()) {
                Shape featureShape = new Shape(BATCH, DqnBidPolicy.FEATURES);
                NDArray nextValues = target.forward(targetStore, new NDList(scope.create(nexts, featureShape)), false)
                        .singletonOrThrow()
                        .max(new int[] {1});
                // undiscounted: an episode is one budget period and every expected click counts the same
                NDArray targets = scope.create(rewards).add(nextValues.mul(scope.create(notDone)));
                NDArray mask = scope.create(masks, new Shape(BATCH, actions));
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDArray q = trainer.forward(new NDList(scope.create(states, featureShape)))
                            .singletonOrThrow();
                    NDArray chosen = q.mul(mask).sum(new int[] {1});
                    NDArray loss = trainer.getLoss().evaluate(new NDList(targets), new NDList(chosen));
                    collector.backward(loss);
                    lossSum += loss.getFloat();
                    lossCount++;
                }
                trainer.step();
            }
            softUpdate(trainer.getModel().getBlock(), target, SOFT_UPDATE);
            steps++;
        }

        double meanLoss() {
            double mean = lossCount == 0 ? 0 : lossSum / lossCount;
            lossSum = 0;
            lossCount = 0;
            return mean;
        }

        private static int argmax(float[] values) {
            int best = 0;
            for (int i = 1; i < values.length; i++) {
                if (values[i] > values[best]) {
                    best = i;
                }
            }
            return best;
        }
    }
}
