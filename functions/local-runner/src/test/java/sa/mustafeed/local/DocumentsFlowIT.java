package sa.mustafeed.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.mustafeed.http.Json;
import sa.mustafeed.testing.MotoServer;
import sa.mustafeed.testing.RepositoryRoot;

/**
 * Documents and replies through the local runner against moto's S3 and DynamoDB: real presigned
 * URLs signed by the SDK, the bytes PUT by an HTTP client straight to the emulator (as the browser
 * does), the confirmation's HEAD and first-bytes check, staff opening the file through a presigned
 * GET, and a public reply reaching the outbox exactly once.
 */
@ExtendWith(MotoServer.class)
class DocumentsFlowIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n" + "x".repeat(2000) + "\n%%EOF")
            .getBytes(StandardCharsets.ISO_8859_1);
    private static LocalRunner runner;
    private static LocalApi api;

    @BeforeAll
    static void start() throws Exception {
        MotoServer.reset();
        runner = LocalRunner.start(new LocalRunner.Options(
                0,
                MotoServer.endpoint(),
                MotoServer.REGION,
                RepositoryRoot.resolve("template.yaml"),
                RepositoryRoot.resolve("build/site"),
                "documents-it"));
        api = new LocalApi(runner);
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    private static Map<String, Object> json(HttpResponse<String> r) throws Exception {
        return LocalApi.json(r);
    }

    private static String token() throws Exception {
        return (String) json(api.send("POST", "/dev/login", "{\"role\":\"staff\"}", null))
                .get("token");
    }

    private static String submit(String mobile) throws Exception {
        String body = Json.write(Map.of(
                "category",
                "inquiry",
                "channel",
                "web",
                "name",
                "سارة العتيبي",
                "mobile",
                mobile,
                "city",
                "مكة",
                "description",
                "هل يشمل الدعم أجهزة السمع؟",
                "preferredContact",
                "sms",
                "language",
                "ar",
                "consent",
                true));
        HttpResponse<String> created = HTTP.send(
                HttpRequest.newBuilder(URI.create(api.base() + "/requests"))
                        .header("content-type", "application/json")
                        .header("idempotency-key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        return (String) json(created).get("reference");
    }

    private static void move(String token, String reference, String status) throws Exception {
        Map<String, Object> detail = json(api.send("GET", "/staff/requests/" + reference, null, token));
        HttpResponse<String> r = api.send(
                "POST",
                "/staff/requests/" + reference + "/status",
                Json.write(Map.of("status", status, "version", detail.get("version"))),
                token);
        assertEquals(200, r.statusCode(), r.body());
    }

    @SuppressWarnings("unchecked")
    private static HttpResponse<String> put(Map<String, Object> slot, byte[] bytes) throws Exception {
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create((String) slot.get("uploadUrl")))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        ((Map<String, Object>) slot.get("headers")).forEach((name, value) -> put.header(name, String.valueOf(value)));
        return HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> startUpload(String reference, String last4, String name, String type, int size)
            throws Exception {
        HttpResponse<String> r = api.send(
                "POST",
                "/requests/" + reference + "/documents/uploads",
                Json.write(Map.of("mobileLast4", last4, "name", name, "contentType", type, "size", size)),
                null);
        assertEquals(201, r.statusCode(), r.body());
        return json(r);
    }

    private static HttpResponse<String> confirm(String reference, String last4, Object documentId) throws Exception {
        return api.send(
                "POST",
                "/requests/" + reference + "/documents/" + documentId + "/confirm",
                Json.write(Map.of("mobileLast4", last4)),
                null);
    }

    private static Map<String, String> query(String url) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void anUploadOfAnotherSizeThanSigned_orWithATamperedName_isRefusedAtConfirmation_andRemoved() throws Exception {
        String reference = submit("0501113355");
        // The emulator does not enforce the signature: these reach the store, as a tampered upload
        // could anywhere the signature is not checked. Confirmation is where they are caught.
        Map<String, Object> shortSlot = startUpload(reference, "3355", "تقرير.pdf", "application/pdf", PDF.length + 50);
        assertEquals(200, put(shortSlot, PDF).statusCode());
        HttpResponse<String> cut = confirm(reference, "3355", shortSlot.get("documentId"));
        assertEquals(400, cut.statusCode(), cut.body());
        assertTrue(cut.body().contains("document_incomplete"), cut.body());

        Map<String, Object> named = startUpload(reference, "3355", "تقرير.pdf", "application/pdf", PDF.length);
        @SuppressWarnings("unchecked")
        Map<String, Object> headers = new java.util.HashMap<>((Map<String, Object>) named.get("headers"));
        headers.put("x-amz-meta-filename", "a%0D%0A%3Cb%3Ex%3C%2Fb%3E.pdf");
        Map<String, Object> tampered = new java.util.HashMap<>(named);
        tampered.put("headers", headers);
        assertEquals(200, put(tampered, PDF).statusCode());
        HttpResponse<String> refused = confirm(reference, "3355", named.get("documentId"));
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("invalid_text"), refused.body());

        String token = token();
        HttpResponse<String> listed = api.send("GET", "/staff/requests/" + reference + "/documents", null, token);
        assertEquals(200, listed.statusCode(), listed.body());
        assertFalse(listed.body().contains("تقرير"), "nothing was recorded: " + listed.body());
    }

    @Test
    @SuppressWarnings("unchecked")
    void staffAskForADocument_theBeneficiaryUploadsIt_andStaffOpenIt() throws Exception {
        String token = token();
        String reference = submit("0501113344");
        move(token, reference, "in_review");
        move(token, reference, "waiting_for_beneficiary");

        // The presigned PUT: five minutes, for this request's key, signing type, exact length and name.
        Map<String, Object> slot = startUpload(reference, "3344", "تقرير طبي.pdf", "application/pdf", PDF.length);
        String url = (String) slot.get("uploadUrl");
        Map<String, String> signed = query(url);
        assertEquals("300", signed.get("X-Amz-Expires"));
        assertTrue(
                URI.create(url)
                        .getPath()
                        .endsWith("/requests/" + reference.replace("-", "") + "/" + slot.get("documentId")),
                url);
        assertTrue(
                Arrays.asList(signed.get("X-Amz-SignedHeaders").split(";"))
                        .containsAll(List.of(
                                "content-length", "content-type", "x-amz-meta-filename", "x-amz-meta-declared-size")),
                signed.toString());

        // Nothing sent yet: refused.
        HttpResponse<String> early = confirm(reference, "3344", slot.get("documentId"));
        assertEquals(409, early.statusCode(), early.body());
        assertTrue(early.body().contains("document_not_uploaded"));

        // The bytes go to the emulator's S3 directly, never through a function.
        HttpResponse<String> uploaded = put(slot, PDF);
        assertEquals(200, uploaded.statusCode(), uploaded.body());

        // Wrong digits: the lookup's 404; the right ones record it and end the wait.
        assertEquals(404, confirm(reference, "0000", slot.get("documentId")).statusCode());
        HttpResponse<String> confirmed = confirm(reference, "3344", slot.get("documentId"));
        assertEquals(201, confirmed.statusCode(), confirmed.body());
        assertEquals("تقرير طبي.pdf", json(confirmed).get("name"));
        Map<String, Object> detail = json(api.send("GET", "/staff/requests/" + reference, null, token));
        assertEquals("in_review", detail.get("status"));

        // The beneficiary sees the name and date only.
        Map<String, Object> lookup = json(api.send(
                "POST", "/requests/lookup", Json.write(Map.of("reference", reference, "mobileLast4", "3344")), null));
        List<Map<String, Object>> mine = (List<Map<String, Object>>) lookup.get("documents");
        assertEquals(1, mine.size());
        assertEquals(Map.of("name", "تقرير طبي.pdf", "at", mine.getFirst().get("at")), mine.getFirst());

        // Staff list and open it: the presigned GET really returns the bytes.
        List<Map<String, Object>> listed = (List<Map<String, Object>>)
                json(api.send("GET", "/staff/requests/" + reference + "/documents", null, token))
                        .get("documents");
        assertEquals(1, listed.size());
        Map<String, Object> link = json(
                api.send("GET", "/staff/requests/" + reference + "/documents/" + slot.get("documentId"), null, token));
        HttpResponse<byte[]> file = HTTP.send(
                HttpRequest.newBuilder(URI.create((String) link.get("url"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, file.statusCode());
        assertArrayEquals(PDF, file.body());
        assertEquals("300", query((String) link.get("url")).get("X-Amz-Expires"));
    }

    /**
     * A letter that arrived by post, scanned and attached by staff: the same presigned upload and
     * confirmation, recorded as theirs (a staff entry leaves the request's "from the beneficiary"
     * marks alone: the transaction only checks that the request exists, DocumentsFunction's one
     * ConditionCheckItem).
     */
    @Test
    @SuppressWarnings("unchecked")
    void staffAttachAScannedLetter_recordedAsTheirs() throws Exception {
        String token = token();
        String reference = submit("0501113355");
        HttpResponse<String> started = api.send(
                "POST",
                "/staff/requests/" + reference + "/documents/uploads",
                Json.write(Map.of("name", "خطاب بريدي.pdf", "contentType", "application/pdf", "size", PDF.length)),
                token);
        assertEquals(201, started.statusCode(), started.body());
        Map<String, Object> slot = json(started);
        assertEquals(200, put(slot, PDF).statusCode());

        HttpResponse<String> confirmed = api.send(
                "POST",
                "/staff/requests/" + reference + "/documents/" + slot.get("documentId") + "/confirm",
                null,
                token);
        assertEquals(201, confirmed.statusCode(), confirmed.body());
        List<Map<String, Object>> listed = (List<Map<String, Object>>)
                json(api.send("GET", "/staff/requests/" + reference + "/documents", null, token))
                        .get("documents");
        assertEquals(1, listed.size());
        assertEquals("خطاب بريدي.pdf", listed.getFirst().get("name"));
        assertTrue(!"beneficiary".equals(listed.getFirst().get("by")), listed.toString());
    }

    @Test
    void aFileThatIsNotWhatItSays_isRefusedAndRemoved() throws Exception {
        String reference = submit("0501113355");
        byte[] page = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        Map<String, Object> slot = startUpload(reference, "3355", "scan.pdf", "application/pdf", page.length);
        assertEquals(200, put(slot, page).statusCode());
        HttpResponse<String> refused = confirm(reference, "3355", slot.get("documentId"));
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("invalid_document_type"));
        HttpResponse<String> again = confirm(reference, "3355", slot.get("documentId"));
        assertEquals(409, again.statusCode(), "the refused object was deleted: " + again.body());
    }

    @Test
    void anotherReference_cannotConfirmListOrOpenTheseFiles() throws Exception {
        String token = token();
        String mine = submit("0501113366");
        String theirs = submit("0501113377");
        Map<String, Object> slot = startUpload(mine, "3366", "هوية.png", "application/pdf", PDF.length);
        assertEquals(200, put(slot, PDF).statusCode());
        assertEquals(201, confirm(mine, "3366", slot.get("documentId")).statusCode());

        HttpResponse<String> borrowed = confirm(theirs, "3377", slot.get("documentId"));
        assertEquals(409, borrowed.statusCode(), "their prefix holds nothing under this id: " + borrowed.body());
        HttpResponse<String> open =
                api.send("GET", "/staff/requests/" + theirs + "/documents/" + slot.get("documentId"), null, token);
        assertEquals(404, open.statusCode());
        assertTrue(open.body().contains("document_not_found"));
        assertEquals(
                "{\"documents\":[]}",
                api.send("GET", "/staff/requests/" + theirs + "/documents", null, token)
                        .body());
        HttpResponse<String> lookup = api.send(
                "POST", "/requests/lookup", Json.write(Map.of("reference", theirs, "mobileLast4", "3377")), null);
        assertTrue(lookup.body().contains("\"documents\":[]"), lookup.body());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReply_reachesTheBeneficiaryOnce_andThePublicTimeline_andTheirAnswerReachesStaff() throws Exception {
        String token = token();
        String reference = submit("0501113388");
        String text = "نعم، يشمل الدعم أجهزة السمع. أرسل التقرير الطبي من صفحة المتابعة.";
        HttpResponse<String> reply =
                api.send("POST", "/staff/requests/" + reference + "/replies", Json.write(Map.of("text", text)), token);
        assertEquals(201, reply.statusCode(), reply.body());

        Instant deadline = Instant.now().plus(Duration.ofSeconds(4));
        List<Map<String, Object>> withReply = List.of();
        while (withReply.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            withReply = outbox().stream()
                    .filter(m -> String.valueOf(m.get("body")).contains("يشمل الدعم أجهزة السمع"))
                    .toList();
        }
        Thread.sleep(800);
        withReply = outbox().stream()
                .filter(m -> String.valueOf(m.get("body")).contains("يشمل الدعم أجهزة السمع"))
                .toList();
        assertEquals(1, withReply.size(), "exactly one message carries the reply");
        assertEquals("sms", withReply.getFirst().get("channel"));

        Map<String, Object> lookup = json(api.send(
                "POST", "/requests/lookup", Json.write(Map.of("reference", reference, "mobileLast4", "3388")), null));
        Map<String, Object> last = ((List<Map<String, Object>>) lookup.get("timeline")).getLast();
        assertEquals("reply", last.get("type"));
        assertEquals(text, last.get("text"));

        HttpResponse<String> answer = api.send(
                "POST",
                "/requests/" + reference + "/messages",
                Json.write(Map.of("mobileLast4", "3388", "text", "شكرًا، سأرسله اليوم.")),
                null);
        assertEquals(201, answer.statusCode(), answer.body());
        List<Map<String, Object>> staffTimeline =
                (List<Map<String, Object>>) json(api.send("GET", "/staff/requests/" + reference, null, token))
                        .get("timeline");
        assertTrue(
                staffTimeline.stream()
                        .anyMatch(e -> "message".equals(e.get("type")) && "شكرًا، سأرسله اليوم.".equals(e.get("text"))),
                staffTimeline.toString());
        assertFalse(staffTimeline.stream().anyMatch(e -> "note".equals(e.get("type"))));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> outbox() throws Exception {
        HttpResponse<byte[]> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(api.base() + "/dev/outbox")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return (List<Map<String, Object>>) (List<?>) Json.readList(response.body());
    }
}
