package sa.mustafeed.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sa.mustafeed.localenv.SamTemplate;

/**
 * What CloudFront puts between the site bucket and the browser, read from template.yaml so the local
 * site answers as the deployed one: the headers of the distribution's response headers policy (the
 * production Content-Security-Policy above all: a page that only works without it must fail here
 * first) and the viewer-request rewrite of its CloudFront Function.
 */
final class SiteEdge {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}.]+)[^}]*}");

    private final Map<String, String> headers;

    private SiteEdge(Map<String, String> headers) {
        this.headers = Map.copyOf(headers);
    }

    /**
     * The edge of the template's distribution. A CSP source naming one of {@code localOrigins}' resources
     * (the API, the documents bucket) becomes that resource's local origin; any other source is
     * resolved by {@code resolve} as CloudFormation would resolve its {@code Fn::Sub}.
     *
     * @throws IllegalStateException when the policy holds a header this class cannot serve the same,
     *     or a source that resolves to no origin: silence there would be a difference from production
     */
    static SiteEdge of(SamTemplate template, Map<String, String> localOrigins, UnaryOperator<String> resolve) {
        String policyId = responseHeadersPolicyOf(template);
        Map<String, Object> config =
                SamTemplate.map(template.properties(policyId).get("ResponseHeadersPolicyConfig"));
        Map<String, String> headers = new LinkedHashMap<>();
        config.forEach((key, value) -> {
            switch (key) {
                case "Name", "Comment" -> {}
                case "SecurityHeadersConfig" -> securityHeaders(SamTemplate.map(value), localOrigins, resolve, headers);
                case "CustomHeadersConfig" -> {
                    for (Object item : SamTemplate.list(SamTemplate.map(value).get("Items"))) {
                        Map<String, Object> header = SamTemplate.map(item);
                        headers.put(
                                String.valueOf(header.get("Header")).toLowerCase(java.util.Locale.ROOT),
                                String.valueOf(header.get("Value")));
                    }
                }
                default ->
                    throw new IllegalStateException(
                            policyId + "." + key + " is not served by the local runner: teach SiteEdge to serve it");
            }
        });
        return new SiteEdge(headers);
    }

    /** The headers every answer of the site carries, lower-case names. */
    Map<String, String> headers() {
        return headers;
    }

    /**
     * The object key a viewer's URI is served from, as SiteIndexRewriteFunction rewrites it: a folder
     * ({@code /request/}) or an extension-less last segment ({@code /request}) is that folder's
     * index.html. CloudFrontRewriteParityTest and the site's node test hold both to one table.
     */
    static String objectPath(String uri) {
        if (uri.endsWith("/")) {
            return uri + "index.html";
        }
        if (uri.lastIndexOf('.') < uri.lastIndexOf('/')) {
            return uri + "/index.html";
        }
        return uri;
    }

    private static String responseHeadersPolicyOf(SamTemplate template) {
        List<String> policies = template.logicalIdsOfType("AWS::CloudFront::ResponseHeadersPolicy");
        if (policies.size() != 1) {
            throw new IllegalStateException("expected one CloudFront response headers policy, found " + policies);
        }
        return policies.getFirst();
    }

    private static void securityHeaders(
            Map<String, Object> security,
            Map<String, String> localOrigins,
            UnaryOperator<String> resolve,
            Map<String, String> headers) {
        security.forEach((key, value) -> {
            Map<String, Object> setting = SamTemplate.map(value);
            switch (key) {
                case "ContentSecurityPolicy" ->
                    headers.put(
                            "content-security-policy",
                            contentSecurityPolicy(setting.get("ContentSecurityPolicy"), localOrigins, resolve));
                case "StrictTransportSecurity" -> {
                    StringBuilder hsts = new StringBuilder("max-age=" + setting.get("AccessControlMaxAgeSec"));
                    if (Boolean.TRUE.equals(setting.get("IncludeSubdomains"))) {
                        hsts.append("; includeSubDomains");
                    }
                    if (Boolean.TRUE.equals(setting.get("Preload"))) {
                        hsts.append("; preload");
                    }
                    headers.put("strict-transport-security", hsts.toString());
                }
                case "ContentTypeOptions" -> headers.put("x-content-type-options", "nosniff");
                case "FrameOptions" -> headers.put("x-frame-options", String.valueOf(setting.get("FrameOption")));
                case "ReferrerPolicy" -> headers.put("referrer-policy", String.valueOf(setting.get("ReferrerPolicy")));
                case "XSSProtection" -> {
                    boolean on = Boolean.TRUE.equals(setting.get("Protection"));
                    String mode = on && Boolean.TRUE.equals(setting.get("ModeBlock")) ? "; mode=block" : "";
                    headers.put("x-xss-protection", (on ? "1" : "0") + mode);
                }
                default ->
                    throw new IllegalStateException("SecurityHeadersConfig." + key
                            + " is not served by the local runner: teach SiteEdge to serve it");
            }
        });
    }

    /** The policy as the template writes it (a plain string or an {@code Fn::Sub}), with local origins. */
    static String contentSecurityPolicy(
            Object written, Map<String, String> localOrigins, UnaryOperator<String> resolve) {
        String text = written instanceof Map<?, ?> sub && sub.get("Fn::Sub") != null
                ? String.valueOf(sub.get("Fn::Sub") instanceof List<?> l ? l.getFirst() : sub.get("Fn::Sub"))
                : String.valueOf(written);
        List<String> directives = new ArrayList<>();
        for (String directive : text.split(";")) {
            List<String> tokens = new ArrayList<>();
            for (String token : directive.strip().split("\\s+")) {
                if (token.isEmpty()) {
                    continue;
                }
                tokens.add(token.contains("${") ? localSource(token, localOrigins, resolve) : token);
            }
            if (!tokens.isEmpty()) {
                directives.add(String.join(" ", tokens));
            }
        }
        return String.join("; ", directives);
    }

    private static String localSource(String token, Map<String, String> localOrigins, UnaryOperator<String> resolve) {
        Matcher variable = VARIABLE.matcher(token);
        if (variable.find() && localOrigins.containsKey(variable.group(1))) {
            return localOrigins.get(variable.group(1));
        }
        String resolved = resolve.apply(token);
        // An unresolved part leaves "${", an empty host ("https://.x") or an empty label ("..").
        if (resolved.contains("${") || resolved.matches("[a-z]+://[.:/].*") || resolved.contains("..")) {
            throw new IllegalStateException("the site's CSP source " + token
                    + " has no local counterpart (resolved to '" + resolved + "'): name one in LocalRunner");
        }
        return resolved;
    }
}
