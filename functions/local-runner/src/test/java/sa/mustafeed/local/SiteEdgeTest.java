package sa.mustafeed.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sa.mustafeed.http.Json;
import sa.mustafeed.localenv.SamTemplate;
import sa.mustafeed.testing.RepositoryRoot;

/** The local site's edge is the template's: its headers policy and its viewer-request rewrite. */
class SiteEdgeTest {
    private static final Map<String, String> LOCAL =
            Map.of("HttpApi", "http://127.0.0.1:3000", "DocumentsBucket", "http://127.0.0.1:5000");
    /** Stands in for the provisioner: what CloudFormation would put for each remaining variable. */
    private static final UnaryOperator<String> RESOLVE =
            text -> text.replace("${StaffUserPoolDomain}", "mustafeed-local-1")
                    .replace("${AWS::Region}", "me-south-1")
                    .replace("${AWS::URLSuffix}", "amazonaws.com");

    static SiteEdge ofRepositoryTemplate() throws IOException {
        return SiteEdge.of(SamTemplate.read(RepositoryRoot.resolve("template.yaml")), LOCAL, RESOLVE);
    }

    @Test
    void theCsp_isTheTemplatesDirectiveForDirective_withLocalOriginsForTheApiAndTheBucket() throws IOException {
        String csp = ofRepositoryTemplate().headers().get("content-security-policy");
        // Read the template's text independently of SiteEdge: every directive and every keyword source.
        String written = Files.readString(RepositoryRoot.resolve("template.yaml"));
        int at = written.indexOf("ContentSecurityPolicy: !Sub >-");
        assertTrue(at > 0, "the template's CSP is where this test reads it");
        List<String> templateDirectives = written.substring(at)
                .lines()
                .skip(1)
                .takeWhile(line -> line.startsWith("              "))
                .map(String::strip)
                .map(line -> line.replaceAll(";$", ""))
                .toList();
        List<String> served = Arrays.stream(csp.split(";")).map(String::strip).toList();
        assertEquals(templateDirectives.size(), served.size(), csp);
        for (int i = 0; i < served.size(); i++) {
            List<String> expected = Arrays.stream(templateDirectives.get(i).split(" "))
                    .map(token -> token.startsWith("https://${HttpApi}")
                            ? LOCAL.get("HttpApi")
                            : token.startsWith("https://${DocumentsBucket")
                                    ? LOCAL.get("DocumentsBucket")
                                    : RESOLVE.apply(token))
                    .toList();
            assertEquals(expected, List.of(served.get(i).split(" ")), "directive " + i);
        }
        assertTrue(csp.contains("default-src 'self'"));
        assertTrue(csp.contains("frame-ancestors 'none'"));
        assertTrue(csp.contains("https://mustafeed-local-1.auth.me-south-1.amazoncognito.com"), csp);
        assertFalse(csp.contains("unsafe-inline"), "no inline script or style, ever");
    }

    @Test
    void theOtherSecurityHeaders_comeFromThePolicyToo() throws IOException {
        Map<String, String> headers = ofRepositoryTemplate().headers();
        assertEquals("max-age=63072000; includeSubDomains", headers.get("strict-transport-security"));
        assertEquals("nosniff", headers.get("x-content-type-options"));
        assertEquals("DENY", headers.get("x-frame-options"));
        assertEquals("strict-origin-when-cross-origin", headers.get("referrer-policy"));
        assertEquals(5, headers.size(), headers.toString());
    }

    @Test
    void aHeaderTheRunnerCannotServe_stopsTheRunner_ratherThanServingLessThanProduction(@TempDir Path dir)
            throws IOException {
        Path template = dir.resolve("template.yaml");
        Files.writeString(template, """
                Resources:
                  Policy:
                    Type: AWS::CloudFront::ResponseHeadersPolicy
                    Properties:
                      ResponseHeadersPolicyConfig:
                        Name: x
                        CorsConfig:
                          AccessControlAllowCredentials: false
                """);
        IllegalStateException refused = assertThrows(
                IllegalStateException.class, () -> SiteEdge.of(SamTemplate.read(template), LOCAL, RESOLVE));
        assertTrue(refused.getMessage().contains("CorsConfig"), refused.getMessage());
    }

    @Test
    void aCspSourceWithNoLocalCounterpart_stopsTheRunner() {
        Map<String, Object> written = Map.of("Fn::Sub", "connect-src 'self' https://${SomeNewApi}.example.com");
        IllegalStateException refused = assertThrows(
                IllegalStateException.class,
                () -> SiteEdge.contentSecurityPolicy(written, LOCAL, text -> text.replace("${SomeNewApi}", "")));
        assertTrue(refused.getMessage().contains("SomeNewApi"), refused.getMessage());
    }

    @Test
    void theRewrite_matchesTheTemplatesCloudFrontFunction_overTheSharedTable() throws IOException {
        // site/build/test/edge.test.mjs runs the template's JavaScript over the same table.
        List<Object> cases = SamTemplate.list(
                Json.readObject(Files.readAllBytes(RepositoryRoot.resolve("tests/parity/cloudfront-rewrites.json")))
                        .get("cases"));
        assertTrue(cases.size() >= 5);
        for (Object each : cases) {
            Map<String, Object> row = SamTemplate.map(each);
            String uri = String.valueOf(row.get("uri"));
            assertEquals(row.get("object"), SiteEdge.objectPath(uri), uri);
        }
    }
}
