package sa.mustafeed.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import sa.mustafeed.core.errors.ErrorCode;
import sa.mustafeed.core.request.ContactMethod;
import sa.mustafeed.localenv.SamTemplate;
import sa.mustafeed.testing.RepositoryRoot;

/**
 * openapi.yaml describes the HTTP API template.yaml deploys, no more and no less: the same routes
 * (method and path), the JWT security exactly on the routes behind the staff authorizer, and the
 * same error codes as {@link ErrorCode}. Add a route or a code and this fails until the description
 * says so (the schemathesis run in ./test then checks the answers against it).
 */
class OpenApiSyncTest {
    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> openApi() throws IOException {
        try (Reader reader = Files.newBufferedReader(RepositoryRoot.resolve("openapi.yaml"), StandardCharsets.UTF_8)) {
            return new Yaml().load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> operations() throws IOException {
        Map<String, Map<String, Object>> out = new java.util.TreeMap<>();
        ((Map<String, Object>) openApi().get("paths"))
                .forEach((path, item) -> ((Map<String, Object>) item).forEach((method, operation) -> {
                    if (METHODS.contains(method)) {
                        out.put(method.toUpperCase(Locale.ROOT) + " " + path, (Map<String, Object>) operation);
                    }
                }));
        return out;
    }

    private static Map<String, SamTemplate.Route> templateRoutes() throws IOException {
        Map<String, SamTemplate.Route> out = new java.util.TreeMap<>();
        for (SamTemplate.Function function :
                SamTemplate.read(RepositoryRoot.resolve("template.yaml")).functions()) {
            for (SamTemplate.Route route : function.routes()) {
                out.put(route.method() + " " + route.path(), route);
            }
        }
        return out;
    }

    @Test
    void everyTemplateRoute_isDescribed_andNothingElse() throws IOException {
        Set<String> template = templateRoutes().keySet();
        Set<String> described = operations().keySet();

        assertEquals(
                new TreeSet<>(template),
                new TreeSet<>(described),
                "missing from openapi.yaml: " + minus(template, described) + "; not in template.yaml: "
                        + minus(described, template));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStaffJwt_isRequiredExactlyWhereTheTemplatePutsTheAuthorizer() throws IOException {
        Map<String, Map<String, Object>> operations = operations();
        Map<String, Object> schemes =
                (Map<String, Object>) ((Map<String, Object>) openApi().get("components")).get("securitySchemes");
        Map<String, Object> jwt = (Map<String, Object>) schemes.get("staffJwt");
        assertEquals("http", jwt.get("type"));
        assertEquals("bearer", jwt.get("scheme"));
        templateRoutes().forEach((key, route) -> {
            Object security = operations.getOrDefault(key, Map.of()).get("security");
            boolean described = security instanceof List<?> list
                    && list.stream().anyMatch(s -> s instanceof Map<?, ?> m && m.containsKey("staffJwt"));
            assertEquals(route.authorizer().isPresent(), described, key + ": authorizer and security disagree");
        });
        assertTrue(openApi().get("security") == null, "no API-wide security: the public routes take no token");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theContactMethodEnum_isContactMethodJava_andEveryPreferredContactUsesIt() throws IOException {
        Map<String, Object> schemas =
                (Map<String, Object>) ((Map<String, Object>) openApi().get("components")).get("schemas");
        Set<String> described =
                new TreeSet<>((List<String>) ((Map<String, Object>) schemas.get("ContactMethod")).get("enum"));
        Set<String> code = Arrays.stream(ContactMethod.values())
                .map(ContactMethod::wireName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(code, described, "ContactMethod.java and openapi.yaml's ContactMethod enum differ");

        // A second hand-kept list beside it would drift (it did: "whatsapp" was missing from two).
        String text = Files.readString(RepositoryRoot.resolve("openapi.yaml"), StandardCharsets.UTF_8);
        assertTrue(
                java.util.regex.Pattern.compile("preferredContact: \\{type: string")
                        .matcher(text)
                        .results()
                        .findAny()
                        .isEmpty(),
                "every preferredContact refers to #/components/schemas/ContactMethod");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theErrorCodeEnum_isErrorCodeJava() throws IOException {
        Map<String, Object> schemas =
                (Map<String, Object>) ((Map<String, Object>) openApi().get("components")).get("schemas");
        Set<String> described =
                new TreeSet<>((List<String>) ((Map<String, Object>) schemas.get("ErrorCode")).get("enum"));
        Set<String> code =
                Arrays.stream(ErrorCode.values()).map(ErrorCode::code).collect(Collectors.toCollection(TreeSet::new));

        assertEquals(code, described, "ErrorCode.java and openapi.yaml's ErrorCode enum differ");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperation_documentsItsRefusalsWithTheErrorShape() throws IOException {
        operations().forEach((key, operation) -> {
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            assertTrue(responses.keySet().stream().anyMatch(s -> s.startsWith("2")), key + " documents no success");
            assertTrue(responses.containsKey("503"), key + " must document 503 service_unavailable");
            assertTrue(responses.keySet().stream().anyMatch(s -> s.startsWith("4")), key + " documents no 4xx");
            if (operation.containsKey("requestBody")) {
                assertTrue(
                        responses.containsKey("415") && responses.containsKey("413"),
                        key + " takes a body: 413 and 415");
            }
        });
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }
}
