package com.agentfactory.campaign.experiment;

import com.agentfactory.messaging.error.ConflictException;
import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.messaging.paging.PageResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Creates experiments on a journey's send steps and judges them from what the sends show. */
@Service
class ExperimentService {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> SEND_STEPS = Set.of("email", "sms", "push");

    private final ExperimentRepository experiments;
    private final Duration conversionWindow;
    private final Clock clock;

    ExperimentService(
            ExperimentRepository experiments,
            @Value("${agentfactory.campaign.kpis.conversion-window}") Duration conversionWindow,
            Clock clock) {
        this.experiments = experiments;
        this.conversionWindow = conversionWindow;
        this.clock = clock;
    }

    @Transactional
    public ExperimentResponse create(CreateExperimentRequest request, String actor) {
        String name = request.name().strip();
        JsonNode definition = definition(request);
        Map<String, String> stepTypes = stepTypes(definition);
        Set<String> holdouts = experiments.holdoutSteps(request.journeyId());
        List<FieldErrorDetail> errors = new ArrayList<>();
        checkArm(stepTypes, holdouts, request, request.controlStep(), "control_step", errors);
        Set<String> seen = new HashSet<>(Set.of(request.controlStep()));
        for (int i = 0; i < request.treatmentSteps().size(); i++) {
            String step = request.treatmentSteps().get(i);
            checkArm(stepTypes, holdouts, request, step, "treatment_steps[" + i + "]", errors);
            if (!seen.add(step)) {
                errors.add(new FieldErrorDetail("treatment_steps[" + i + "]", "step '" + step + "' is already an arm"));
            }
        }
        if (!errors.isEmpty()) {
            throw new RuleViolationException(
                    "The experiment's arms must be distinct send steps of the journey, or its holdout.", errors);
        }
        checkBranches(ArmBranches.of(definition), request, errors);
        if (!errors.isEmpty()) {
            throw new RuleViolationException(
                    "Each arm must be reached from a branch of the same split of its own, so that the split's weights"
                            + " say what share of the customers it should have.",
                    errors);
        }
        if (experiments.nameTaken(name)) {
            throw nameTaken(name);
        }
        AnalysisSettings defaults = AnalysisSettings.DEFAULTS;
        Experiment experiment = new Experiment(
                UUID.randomUUID(),
                name,
                request.journeyId(),
                request.controlStep(),
                List.copyOf(request.treatmentSteps()),
                request.metric(),
                new AnalysisSettings(
                        request.alpha() == null ? defaults.alpha() : request.alpha(),
                        request.power() == null ? defaults.power() : request.power(),
                        request.mde() == null ? defaults.mde() : request.mde(),
                        request.tau() == null ? defaults.tau() : request.tau(),
                        defaults.burnIn()),
                actor,
                clock.instant());
        try {
            experiments.insert(experiment);
        } catch (DuplicateKeyException e) {
            // two creates of one name at once both passed the check above: the unique index decides
            throw nameTaken(name);
        }
        return ExperimentResponse.of(experiment);
    }

    @Transactional(readOnly = true)
    PageResponse<ExperimentResponse> list(UUID journeyId, int page, int limit) {
        return PageResponse.of(
                experiments.list(journeyId, page, limit).stream()
                        .map(ExperimentResponse::of)
                        .toList(),
                experiments.count(journeyId),
                page,
                limit);
    }

    @Transactional(readOnly = true)
    public ExperimentResponse get(UUID id) {
        return ExperimentResponse.of(experiments.find(id).orElseThrow(() -> new ExperimentNotFoundException(id)));
    }

    @Transactional(readOnly = true)
    public ExperimentResultResponse results(UUID id) {
        Experiment experiment = experiments.find(id).orElseThrow(() -> new ExperimentNotFoundException(id));
        return new ExperimentResultResponse(
                id, experiment.metric(), ExperimentEvaluation.evaluate(experiment, experiments, conversionWindow));
    }

    /** One conflict for both ways a taken name is found, so a caller cannot tell which of them answered. */
    private static ConflictException nameTaken(String name) {
        return new ConflictException("An experiment named '" + name + "' exists already.");
    }

    private JsonNode definition(CreateExperimentRequest request) {
        return JSON.readTree(experiments
                .journeyDefinition(request.journeyId())
                .orElseThrow(() -> RuleViolationException.of("journey_id", "no journey " + request.journeyId())));
    }

    /**
     * The sample-ratio check compares the arms' sizes with the weights of the branches they are reached from: an arm
     * whose share cannot be told (no branch, or several, leads to it; another split's branch or another arm's) would
     * fail it for ever. Arms none of which a split reaches are compared as even shares, as before.
     */
    private static void checkBranches(
            ArmBranches branches, CreateExperimentRequest request, List<FieldErrorDetail> errors) {
        List<String> arms = new ArrayList<>(request.treatmentSteps());
        arms.addFirst(request.controlStep());
        if (arms.stream().allMatch(arm -> branches.branchesTo(arm) == 0)) {
            return;
        }
        Map<ArmBranches.Branch, String> taken = new HashMap<>();
        String split = null;
        for (int i = 0; i < arms.size(); i++) {
            String arm = arms.get(i);
            String field = i == 0 ? "control_step" : "treatment_steps[" + (i - 1) + "]";
            int count = branches.branchesTo(arm);
            if (count != 1) {
                errors.add(new FieldErrorDetail(
                        field,
                        count == 0
                                ? "step '" + arm + "' is reached from no branch of a split, as the other arms are, so"
                                        + " its share of the customers is unknown"
                                : "step '" + arm + "' is reached from " + count + " branches of a split, so its"
                                        + " share of the customers is unknown"));
                continue;
            }
            ArmBranches.Branch branch = branches.branchOf(arm).orElseThrow();
            if (split == null) {
                split = branch.split();
            } else if (!split.equals(branch.split())) {
                errors.add(new FieldErrorDetail(
                        field,
                        "step '" + arm + "' is reached from split '" + branch.split() + "', the other arms from split '"
                                + split + "'"));
                continue;
            }
            String before = taken.putIfAbsent(branch, field);
            if (before != null) {
                errors.add(new FieldErrorDetail(
                        field, "step '" + arm + "' is down the same branch of split '" + split + "' as " + before));
            }
        }
    }

    private static Map<String, String> stepTypes(JsonNode definition) {
        Map<String, String> types = new HashMap<>();
        for (JsonNode step : definition.path("steps")) {
            types.put(step.path("id").asString(), step.path("type").asString());
        }
        return types;
    }

    private static void checkArm(
            Map<String, String> stepTypes,
            Set<String> holdouts,
            CreateExperimentRequest request,
            String step,
            String field,
            List<FieldErrorDetail> errors) {
        String type = stepTypes.get(step);
        if (type == null) {
            errors.add(new FieldErrorDetail(field, "the journey has no step '" + step + "'"));
        } else if (holdouts.contains(step)) {
            // nothing is sent to the held out, so only what they do (order) can be compared
            if (!"converted".equals(request.metric())) {
                errors.add(new FieldErrorDetail(field, "a holdout arm is measured on conversions only"));
            }
        } else if (!SEND_STEPS.contains(type)) {
            errors.add(new FieldErrorDetail(field, "step '" + step + "' is a " + type + " step, not a send"));
        }
    }
}
