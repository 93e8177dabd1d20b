package sa.mustafeed.localenv;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * template.yaml as data, so local runs create and route exactly what the cloud gets. CloudFormation's
 * short tags ({@code !Ref X}, {@code !GetAtt A.B}, {@code !Sub …}) are read as their long forms
 * ({@code {"Ref": X}}, {@code {"Fn::GetAtt": …}}).
 */
public final class SamTemplate {
    private final Map<String, Object> root;

    private SamTemplate(Map<String, Object> root) {
        this.root = root;
    }

    public static SamTemplate read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Map<String, Object> root = new Yaml(new IntrinsicFunctions()).load(reader);
            return new SamTemplate(root);
        }
    }

    /**
     * A function and what reaches it: HTTP routes, table streams, and SNS topics it is subscribed to
     * (their logical ids).
     */
    public record Function(
            String logicalId,
            String handler,
            Map<String, Object> environment,
            List<Route> routes,
            List<StreamSource> streams,
            List<String> snsTopics) {}

    /**
     * A DynamoDB stream event source, with the settings the local runner honours as Lambda's event
     * source mapping would: batch size, filter patterns, retries, partial batch responses and the
     * on-failure queue.
     */
    public record StreamSource(
            String tableLogicalId,
            int batchSize,
            List<String> filterPatterns,
            int maximumRetryAttempts,
            boolean reportsBatchItemFailures,
            Optional<String> onFailureQueueLogicalId) {}

    /** One HttpApi event: method and path as API Gateway matches them, and its authorizer if any. */
    public record Route(String method, String path, Optional<String> authorizer) {}

    public Map<String, Object> resources() {
        return map(root.get("Resources"));
    }

    public Map<String, Object> resource(String logicalId) {
        return map(resources().get(logicalId));
    }

    public String type(String logicalId) {
        return String.valueOf(resource(logicalId).get("Type"));
    }

    public Map<String, Object> properties(String logicalId) {
        return map(resource(logicalId).get("Properties"));
    }

    public List<String> logicalIdsOfType(String type) {
        List<String> ids = new ArrayList<>();
        resources().forEach((id, body) -> {
            if (type.equals(map(body).get("Type"))) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** A top-level section as written ({@code Parameters}, {@code Rules}…); empty when absent. */
    public Map<String, Object> section(String name) {
        return map(root.get(name));
    }

    public Optional<Object> parameterDefault(String name) {
        return Optional.ofNullable(map(map(root.get("Parameters")).get(name)).get("Default"));
    }

    /**
     * Serverless functions with their handler, merged environment (Globals then own), HttpApi routes,
     * DynamoDB stream sources and SNS subscriptions.
     */
    public List<Function> functions() {
        Map<String, Object> globals = map(map(root.get("Globals")).get("Function"));
        List<Function> functions = new ArrayList<>();
        for (String id : logicalIdsOfType("AWS::Serverless::Function")) {
            Map<String, Object> props = properties(id);
            Map<String, Object> environment =
                    new LinkedHashMap<>(map(map(globals.get("Environment")).get("Variables")));
            environment.putAll(map(map(props.get("Environment")).get("Variables")));
            List<Route> routes = new ArrayList<>();
            map(props.get("Events")).values().forEach(event -> {
                Map<String, Object> e = map(event);
                if ("HttpApi".equals(e.get("Type"))) {
                    Map<String, Object> p = map(e.get("Properties"));
                    Object authorizer = map(p.get("Auth")).get("Authorizer");
                    routes.add(new Route(
                            String.valueOf(p.get("Method")).toUpperCase(java.util.Locale.ROOT),
                            String.valueOf(p.get("Path")),
                            authorizer == null || "NONE".equals(authorizer)
                                    ? Optional.empty()
                                    : Optional.of(String.valueOf(authorizer))));
                }
            });
            List<StreamSource> streams = new ArrayList<>();
            map(props.get("Events")).values().forEach(event -> {
                Map<String, Object> e = map(event);
                if ("DynamoDB".equals(e.get("Type"))) {
                    streams.add(streamSource(map(e.get("Properties"))));
                }
            });
            List<String> topics = new ArrayList<>();
            map(props.get("Events")).values().forEach(event -> {
                Map<String, Object> e = map(event);
                // SAM's SNS event: Topic is the topic's ARN, which !Ref of an AWS::SNS::Topic gives.
                if ("SNS".equals(e.get("Type"))
                        && map(map(e.get("Properties")).get("Topic")).get("Ref") instanceof String topic) {
                    topics.add(topic);
                }
            });
            Object handler = props.getOrDefault("Handler", globals.get("Handler"));
            functions.add(new Function(id, String.valueOf(handler), environment, routes, streams, topics));
        }
        return functions;
    }

    private static StreamSource streamSource(Map<String, Object> p) {
        List<Object> getAtt = list(map(p.get("Stream")).get("Fn::GetAtt"));
        List<String> patterns = new ArrayList<>();
        for (Object filter : list(map(p.get("FilterCriteria")).get("Filters"))) {
            patterns.add(String.valueOf(map(filter).get("Pattern")));
        }
        List<Object> queueAtt =
                list(map(map(map(p.get("DestinationConfig")).get("OnFailure")).get("Destination"))
                        .get("Fn::GetAtt"));
        return new StreamSource(
                getAtt.isEmpty() ? "" : String.valueOf(getAtt.get(0)),
                ((Number) p.getOrDefault("BatchSize", 100)).intValue(),
                patterns,
                ((Number) p.getOrDefault("MaximumRetryAttempts", -1)).intValue(),
                list(p.get("FunctionResponseTypes")).contains("ReportBatchItemFailures"),
                queueAtt.isEmpty() ? Optional.empty() : Optional.of(String.valueOf(queueAtt.get(0))));
    }

    /** A template node as a mapping; empty when it is absent or not one. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** A template node as a sequence; empty when it is absent or not one. */
    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** Reads every local tag ({@code !Name}) as a one-key map in CloudFormation's long form. */
    private static final class IntrinsicFunctions extends SafeConstructor {
        IntrinsicFunctions() {
            super(new LoaderOptions());
            this.yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String name = node.getTag().getValue().substring(1);
                    String key = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
                    Object value;
                    if (node instanceof ScalarNode scalar) {
                        String text = constructScalar(scalar);
                        value = name.equals("GetAtt") ? List.of(text.split("\\.", 2)) : text;
                    } else if (node instanceof SequenceNode sequence) {
                        value = constructSequence(sequence);
                    } else {
                        value = constructMapping((MappingNode) node);
                    }
                    return Map.of(key, value);
                }
            });
        }
    }
}
