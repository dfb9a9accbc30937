package dev.rollgate.aws.testing;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Looks for one secret, as written and in the encodings it could leak in (URL-encoded, Base64), in everything a
 * test collected: log lines, printed values, stored items, rendered pages. Findings name where and show the
 * surroundings with the secret masked, so a failing test never prints the secret itself.
 */
public final class SecretScan {
    private static final int MIN_SECRET_LENGTH = 16;
    private final String secret;
    private final Map<String, String> forms;
    private final List<String> findings = new ArrayList<>();
    private int scanned;

    private SecretScan(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("a secret to scan for needs at least " + MIN_SECRET_LENGTH
                    + " characters, or matches mean nothing");
        }
        this.secret = secret;
        Map<String, String> distinct = new LinkedHashMap<>();
        distinct.put("plain", secret);
        String urlEncoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        if (!urlEncoded.equals(secret)) {
            distinct.put("url-encoded", urlEncoded);
        }
        distinct.put("base64", Base64.getEncoder().withoutPadding().encodeToString(
                secret.getBytes(StandardCharsets.UTF_8)));
        this.forms = distinct;
    }

    public static SecretScan of(String secret) {
        return new SecretScan(secret);
    }

    /** Scans one text, e.g. a page's HTML or a printed value. */
    public SecretScan text(String where, String text) {
        scanned++;
        if (text == null) {
            return this;
        }
        for (Map.Entry<String, String> form : forms.entrySet()) {
            int at = text.indexOf(form.getValue());
            if (at >= 0) {
                String around = text.substring(Math.max(0, at - 60), Math.min(text.length(),
                        at + form.getValue().length() + 60)).replace(form.getValue(), "<" + form.getKey() + " secret>");
                findings.add(where + " (" + form.getKey() + "): ..." + around.replace('\n', ' ') + "...");
                break;
            }
        }
        return this;
    }

    public SecretScan lines(String where, Collection<String> lines) {
        int i = 0;
        for (String line : lines) {
            text(where + " line " + (++i), line);
        }
        return this;
    }

    /** Scans every item of every table whose name starts with {@code tablePrefix}, page by page. */
    public SecretScan dynamoDbTables(DynamoDbClient dynamo, String tablePrefix) {
        for (String table : dynamo.listTablesPaginator(b -> { }).tableNames()) {
            if (!table.startsWith(tablePrefix)) {
                continue;
            }
            for (ScanResponse page : dynamo.scanPaginator(ScanRequest.builder().tableName(table).build())) {
                page.items().forEach(item -> text("dynamodb " + table, item.toString()));
            }
        }
        return this;
    }

    public List<String> findings() {
        return List.copyOf(findings);
    }

    /** How many texts were scanned; a scan of nothing proves nothing. */
    public int scanned() {
        return scanned;
    }

    @Override
    public String toString() {
        return "SecretScan[" + secret.length() + " characters, " + scanned + " texts, " + findings.size()
                + " findings]";
    }
}
