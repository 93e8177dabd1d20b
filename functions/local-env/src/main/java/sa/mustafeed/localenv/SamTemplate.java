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

    /** A function and the HTTP routes that reach it. */
    public record Function(String logicalId, String handler, Map<String, Object> environment, List<Route> routes) {
    }

    /** One HttpApi event: method and path as API Gateway matches them. */
    public record Route(String method, String path) {
    }

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

    public Optional<Object> parameterDefault(String name) {
        return Optional.ofNullable(map(map(root.get("Parameters")).get(name)).get("Default"));
    }

    /** Serverless functions with their handler, merged environment (Globals then own) and HttpApi routes. */
    public List<Function> functions() {
        Map<String, Object> globals = map(map(root.get("Globals")).get("Function"));
        List<Function> functions = new ArrayList<>();
        for (String id : logicalIdsOfType("AWS::Serverless::Function")) {
            Map<String, Object> props = properties(id);
            Map<String, Object> environment = new LinkedHashMap<>(
                    map(map(globals.get("Environment")).get("Variables")));
            environment.putAll(map(map(props.get("Environment")).get("Variables")));
            List<Route> routes = new ArrayList<>();
            map(props.get("Events")).values().forEach(event -> {
                Map<String, Object> e = map(event);
                if ("HttpApi".equals(e.get("Type"))) {
                    Map<String, Object> p = map(e.get("Properties"));
                    routes.add(new Route(String.valueOf(p.get("Method")).toUpperCase(java.util.Locale.ROOT),
                            String.valueOf(p.get("Path"))));
                }
            });
            Object handler = props.getOrDefault("Handler", globals.get("Handler"));
            functions.add(new Function(id, String.valueOf(handler), environment, routes));
        }
        return functions;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
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
