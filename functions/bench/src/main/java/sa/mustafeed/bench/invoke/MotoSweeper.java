package sa.mustafeed.bench.invoke;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deletes every item of a moto table except one partition (the seeded sample), with raw DynamoDB JSON
 * calls: the warm loop's class path has no SDK, on purpose (a class here would shadow the function's).
 * moto does not check signatures; the credential scope only tells it the region.
 */
final class MotoSweeper {
    private static final Pattern KEY = Pattern.compile(
            "\\{\"(PK|SK)\": ?\\{\"S\": ?\"([^\"]*)\"\\}, ?\"(PK|SK)\": ?\\{\"S\": ?\"([^\"]*)\"\\}\\}");
    private final URI endpoint;
    private final String table;
    private final String region;
    private final String keep;

    MotoSweeper(String endpoint, String table, String region, String keep) {
        this.endpoint = URI.create(endpoint);
        this.table = table;
        this.region = region;
        this.keep = keep;
    }

    void sweep() throws IOException {
        String items = call("Scan", "{\"TableName\":\"" + table + "\",\"ProjectionExpression\":\"PK, SK\"}");
        Matcher m = KEY.matcher(items);
        StringBuilder batch = new StringBuilder();
        int inBatch = 0;
        while (m.find()) {
            String pk = m.group(1).equals("PK") ? m.group(2) : m.group(4);
            String sk = m.group(1).equals("PK") ? m.group(4) : m.group(2);
            if (pk.equals(keep)) {
                continue;
            }
            batch.append(inBatch == 0 ? "" : ",")
                    .append("{\"DeleteRequest\":{\"Key\":{\"PK\":{\"S\":\"")
                    .append(pk)
                    .append("\"},\"SK\":{\"S\":\"")
                    .append(sk)
                    .append("\"}}}}");
            if (++inBatch == 25) {
                delete(batch);
                inBatch = 0;
            }
        }
        if (inBatch > 0) {
            delete(batch);
        }
    }

    private void delete(StringBuilder requests) throws IOException {
        call("BatchWriteItem", "{\"RequestItems\":{\"" + table + "\":[" + requests + "]}}");
        requests.setLength(0);
    }

    private String call(String operation, String body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) endpoint.toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/x-amz-json-1.0");
        c.setRequestProperty("X-Amz-Target", "DynamoDB_20120810." + operation);
        c.setRequestProperty(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=local/20260101/" + region
                        + "/dynamodb/aws4_request, SignedHeaders=host, Signature=0");
        try (OutputStream out = c.getOutputStream()) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
        }
        if (c.getResponseCode() != 200) {
            throw new IOException("moto " + operation + " answered " + c.getResponseCode());
        }
        try (InputStream in = c.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
