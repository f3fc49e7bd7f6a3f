package com.agentfactory.campaign.experiment;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code ab} command: evaluates an A/B test from a CSV (one row per independent unit, such as a customer rather
 * than each of their visits; a group column, a metric column and the control's label) or a stored experiment from the database, and prints the result as JSON on standard output.
 * Errors go to standard error with exit status 2. CSV options: --file, --group, --metric, --control (required);
 * --treatments a,b (default: every other group); --alpha, --power, --mde, --tau, --burn-in. Database options:
 * --experiment ID, --database-url JDBC-URL, --user, --password, --schema (campaign), --conversion-window (P7D).
 */
public final class AbCommand {

    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private AbCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Map<String, String> options = options(args);
            ExperimentResult result = evaluate(options);
            out.println(JSON.writeValueAsString(result));
            return 0;
        } catch (UsageException | CsvArms.MalformedCsvException | IllegalArgumentException e) {
            err.println("ab: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("ab: cannot read the file: " + e);
            return 2;
        }
    }

    static ExperimentResult evaluate(Map<String, String> options) throws IOException {
        if (options.containsKey("experiment")) {
            return fromDatabase(options);
        }
        String file = required(options, "file");
        String group = required(options, "group");
        String metric = required(options, "metric");
        String control = required(options, "control");
        AnalysisSettings settings = new AnalysisSettings(
                number(options, "alpha", AnalysisSettings.DEFAULTS.alpha()),
                number(options, "power", AnalysisSettings.DEFAULTS.power()),
                number(options, "mde", AnalysisSettings.DEFAULTS.mde()),
                number(options, "tau", AnalysisSettings.DEFAULTS.tau()),
                (int) number(options, "burn-in", AnalysisSettings.DEFAULTS.burnIn()));
        Map<String, double[]> arms;
        try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            arms = CsvArms.read(reader, group, metric);
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + file);
        }
        if (!arms.containsKey(control)) {
            throw new UsageException("no rows with " + group + " '" + control + "'; groups are " + arms.keySet());
        }
        List<String> treatmentLabels = new ArrayList<>();
        if (options.containsKey("treatments")) {
            for (String label : options.get("treatments").split(",")) {
                if (!arms.containsKey(label.strip())) {
                    throw new UsageException(
                            "no rows with " + group + " '" + label.strip() + "'; groups are " + arms.keySet());
                }
                treatmentLabels.add(label.strip());
            }
        } else {
            arms.keySet().stream().filter(label -> !label.equals(control)).forEach(treatmentLabels::add);
        }
        return ExperimentAnalysis.analyse(
                new ArmData(control, arms.get(control)),
                treatmentLabels.stream()
                        .map(label -> new ArmData(label, arms.get(label)))
                        .toList(),
                settings);
    }

    /** The stored experiment's arms, read from the campaign schema as the service would read them. */
    private static ExperimentResult fromDatabase(Map<String, String> options) {
        UUID id;
        try {
            id = UUID.fromString(options.get("experiment"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--experiment must be an experiment id (a UUID)");
        }
        Duration window;
        try {
            window = Duration.parse(options.getOrDefault("conversion-window", "P7D"));
        } catch (DateTimeParseException e) {
            throw new UsageException("--conversion-window must be an ISO-8601 duration such as P7D");
        }
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                required(options, "database-url"),
                options.getOrDefault("user", ""),
                options.getOrDefault("password", ""));
        Properties connection = new Properties();
        connection.setProperty("currentSchema", options.getOrDefault("schema", "campaign"));
        dataSource.setConnectionProperties(connection);
        ExperimentRepository repository = new ExperimentRepository(new JdbcTemplate(dataSource));
        try {
            Experiment experiment = repository
                    .find(id)
                    .orElseThrow(() -> new UsageException("no experiment " + id + " in the database"));
            return ExperimentEvaluation.evaluate(experiment, repository, window);
        } catch (DataAccessException e) {
            throw new UsageException(
                    "cannot read the database: " + e.getMostSpecificCause().getMessage());
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new UsageException("expected --option value pairs, got '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("--" + name + " is required (usage: ab --file F --group COLUMN --metric COLUMN"
                    + " --control LABEL [--treatments A,B] [--alpha 0.05] [--power 0.8] [--mde 0.01] [--tau 0.01]"
                    + " [--burn-in 100])");
        }
        return value;
    }

    private static double number(Map<String, String> options, String name, double fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, got '" + value + "'");
        }
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
