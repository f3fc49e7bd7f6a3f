package com.agentfactory.campaign.experiment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads an experiment's arms from the database, one unit per customer, and judges them; shared by the API and the ab
 * command.
 */
final class ExperimentEvaluation {

    private ExperimentEvaluation() {}

    static ExperimentResult evaluate(Experiment experiment, ExperimentRepository repository, Duration window) {
        List<String> steps = new ArrayList<>(experiment.treatmentSteps());
        steps.addFirst(experiment.controlStep());
        Map<String, ExperimentRepository.ArmUnits> units =
                repository.units(experiment.journeyId(), steps, experiment.metric(), window);
        ArmData control = arm(experiment.controlStep(), units);
        List<ArmData> treatments = new ArrayList<>();
        for (String step : experiment.treatmentSteps()) {
            treatments.add(arm(step, units));
        }
        List<ArmData> all = new ArrayList<>(treatments);
        all.addFirst(control);
        var small = all.stream().filter(arm -> arm.units() < 2).findFirst();
        if (small.isPresent()) {
            return new ExperimentResult(
                    control.label(),
                    "proportion",
                    all.stream()
                            .map(arm -> new ExperimentResult.ArmSummary(
                                    arm.label(),
                                    arm.units(),
                                    arm.sum(),
                                    arm.units() == 0 ? 0 : arm.mean(),
                                    arm.assigned()))
                            .toList(),
                    List.of(),
                    null,
                    "keep_running",
                    null,
                    "arm '" + small.get().label() + "' has " + small.get().units() + " units; at least 2 are needed");
        }
        return ExperimentAnalysis.analyse(
                control, treatments, experiment.settings(), repository.armShares(experiment.journeyId(), steps));
    }

    private static ArmData arm(String step, Map<String, ExperimentRepository.ArmUnits> units) {
        ExperimentRepository.ArmUnits arm = units.get(step);
        return new ArmData(step, arm.values(), arm.assigned());
    }
}
