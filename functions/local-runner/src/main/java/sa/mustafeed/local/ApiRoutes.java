package sa.mustafeed.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The HttpApi routes of template.yaml, matched as API Gateway matches them ({@code {name}} segments). */
final class ApiRoutes {
    record Route(
            String method,
            String pathTemplate,
            String functionName,
            RequestStreamHandler handler,
            Optional<String> authorizer) {
        String routeKey() {
            return method + " " + pathTemplate;
        }
    }

    record Match(Route route, Map<String, String> pathParameters) {}

    private final List<Route> routes = new ArrayList<>();

    void add(Route route) {
        routes.add(route);
    }

    List<Route> all() {
        return List.copyOf(routes);
    }

    Optional<Match> match(String method, String path) {
        for (Route route : routes) {
            if (!route.method().equals(method) && !route.method().equals("ANY")) {
                continue;
            }
            Optional<Map<String, String>> parameters = matchPath(route.pathTemplate(), path);
            if (parameters.isPresent()) {
                return Optional.of(new Match(route, parameters.get()));
            }
        }
        return Optional.empty();
    }

    /** True when some route has this path under another method: the answer is then 405, not 404. */
    boolean knowsPath(String path) {
        return routes.stream().anyMatch(r -> matchPath(r.pathTemplate(), path).isPresent());
    }

    /** The methods some route serves at this path, for a 405's Allow header. */
    List<String> methodsOf(String path) {
        return routes.stream()
                .filter(r -> matchPath(r.pathTemplate(), path).isPresent())
                .map(Route::method)
                .distinct()
                .sorted()
                .toList();
    }

    /** True for paths in the API's namespace, which get JSON errors rather than the site's 404 page. */
    boolean isApiNamespace(String path) {
        return routes.stream().anyMatch(r -> {
            String first = r.pathTemplate().split("/")[1];
            return path.equals("/" + first) || path.startsWith("/" + first + "/");
        });
    }

    private static Optional<Map<String, String>> matchPath(String template, String path) {
        String[] want = template.split("/", -1);
        String[] got = path.split("/", -1);
        if (want.length != got.length) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < want.length; i++) {
            if (want[i].startsWith("{") && want[i].endsWith("}")) {
                if (got[i].isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(want[i].substring(1, want[i].length() - 1), got[i]);
            } else if (!want[i].equals(got[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }
}
