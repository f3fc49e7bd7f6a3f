package com.agentfactory.supervisor.capability;

import com.agentfactory.messaging.error.FieldErrorDetail;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The announced task types in memory, with their input schemas compiled, for intake's hot path: replaced
 * agent type by agent type as announcements arrive (each schema compiled once per announcement), read
 * without locks.
 */
@Component
public class TaskTypeCatalog {

    private volatile Snapshot snapshot = new Snapshot(Map.of());

    /** The agent types that announced this task type, in name order. */
    public List<String> agentTypesFor(String taskType) {
        return snapshot.byAgentType().entrySet().stream()
                .filter(ofAgent -> ofAgent.getValue().containsKey(taskType))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Every announced task type, in name order. */
    public SortedSet<String> knownTaskTypes() {
        SortedSet<String> known = new TreeSet<>();
        snapshot.byAgentType().values().forEach(ofAgent -> known.addAll(ofAgent.keySet()));
        return known;
    }

    /** The task types the agent type announced, in name order; empty when it announced none. */
    public List<String> taskTypesOf(String agentType) {
        return List.copyOf(
                snapshot.byAgentType().getOrDefault(agentType, Map.of()).keySet());
    }

    /** Every announced task type, by agent type and then task type. */
    List<AnnouncedTaskType> all() {
        List<AnnouncedTaskType> all = new ArrayList<>();
        snapshot.byAgentType().values().forEach(ofAgent -> ofAgent.values().stream()
                .map(Entry::taskType)
                .forEach(all::add));
        return all;
    }

    /**
     * The input's fields that the task type's announced schema refuses, named from the input's root; empty when
     * the input is valid or the agent type did not announce the task type.
     */
    public List<FieldErrorDetail> violations(String agentType, String taskType, JsonNode input) {
        Map<String, Entry> ofAgent = snapshot.byAgentType().get(agentType);
        Entry entry = ofAgent == null ? null : ofAgent.get(taskType);
        return entry == null ? List.of() : entry.schema().violations(input);
    }

    /** Compiles the task types' input schemas; throws when one cannot be read. */
    static Map<String, Entry> compile(List<AnnouncedTaskType> taskTypes) {
        Map<String, Entry> compiled = new LinkedHashMap<>();
        taskTypes.stream()
                .sorted(Comparator.comparing(AnnouncedTaskType::taskType))
                .forEach(taskType -> compiled.put(
                        taskType.taskType(), new Entry(taskType, InputSchema.compile(taskType.inputSchema()))));
        return Collections.unmodifiableMap(compiled);
    }

    /** The agent type's task types become exactly these, already compiled. */
    synchronized void replace(String agentType, Map<String, Entry> compiled) {
        Map<String, Map<String, Entry>> next = new TreeMap<>(snapshot.byAgentType());
        if (compiled.isEmpty()) {
            next.remove(agentType);
        } else {
            next.put(agentType, compiled);
        }
        snapshot = new Snapshot(next);
    }

    synchronized void replaceAll(List<AnnouncedTaskType> taskTypes) {
        Map<String, List<AnnouncedTaskType>> byAgent = new TreeMap<>();
        taskTypes.forEach(taskType -> byAgent.computeIfAbsent(taskType.agentType(), type -> new ArrayList<>())
                .add(taskType));
        Map<String, Map<String, Entry>> next = new TreeMap<>();
        byAgent.forEach((agentType, ofAgent) -> next.put(agentType, compile(ofAgent)));
        snapshot = new Snapshot(next);
    }

    record Entry(AnnouncedTaskType taskType, InputSchema schema) {}

    private record Snapshot(Map<String, Map<String, Entry>> byAgentType) {
        Snapshot {
            byAgentType = Collections.unmodifiableMap(new TreeMap<>(byAgentType));
        }
    }
}
