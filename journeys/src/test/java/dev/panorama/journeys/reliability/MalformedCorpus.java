package dev.panorama.journeys.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Malformed requests for every endpoint behind the gateway, generated from a seed: ids that are no ids, huge strings,
 * bodies that are no JSON or JSON of the wrong shape and types, wrong or missing content types, missing bodies, bad query
 * parameters. The endpoints come from the gateway's access-rule table, which deploy-checks generates from the services'
 * JAX-RS resources, so a new endpoint is in the corpus the day it is added.
 */
final class MalformedCorpus {

    /** One endpoint of the access-rule table. */
    record Endpoint(String service, String method, String path, List<String> roles) {

        boolean writes() {
            return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** One malformed request; {@code what} says how it is malformed. */
    record Request(Endpoint endpoint, String what, String method, String path, String contentType, String body) {

        /** The same request without its query string, when only the query is malformed (the path names no id). */
        Optional<Request> withoutQuery() {
            int query = path.indexOf('?');
            return query < 0 || endpoint.path().contains("{") ? Optional.empty()
                    : Optional.of(new Request(endpoint, "no query", method, path.substring(0, query), contentType, body));
        }

        @Override
        public String toString() {
            return method + " " + (path.length() > 120 ? path.substring(0, 120) + "..." : path) + " [" + what + "]";
        }
    }

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final String JSON = "application/json";
    private static final String TRUNCATED = "{\"customerId\": \"";
    private static final List<String> HUGE_STRING_FIELDS = List.of("description", "displayName", "reason", "name", "subject", "text");

    private final Random random;

    MalformedCorpus(long seed) {
        this.random = new Random(seed);
    }

    static List<Endpoint> endpoints(Path accessRules) {
        try {
            return Files.readAllLines(accessRules).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.split("\\s+"))
                    .map(cells -> new Endpoint(cells[0], cells[1], cells[2], List.of(cells[3].split(","))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Request> requests(Endpoint endpoint) {
        List<Request> requests = new ArrayList<>();
        String unknownId = UUID.nameUUIDFromBytes(Long.toString(random.nextLong()).getBytes(StandardCharsets.UTF_8)).toString();
        if (PARAMETER.matcher(endpoint.path()).find()) {
            for (String[] id : List.of(new String[] {"an id that is no UUID", "not-a-uuid"},
                    new String[] {"an unknown id", unknownId},
                    new String[] {"a huge id", "x".repeat(3000)},
                    new String[] {"an id with quotes and SQL", encode("'; drop table customer; --")},
                    new String[] {"an id with a NUL byte", "a%00b"},
                    new String[] {"an id in non-Latin script", encode("Zoë-😀-" + random.nextInt(1000))})) {
                requests.add(new Request(endpoint, id[0], endpoint.method(), fill(endpoint.path(), id[1]),
                        endpoint.writes() ? JSON : null, endpoint.writes() ? TRUNCATED : null));
            }
        }
        String path = fill(endpoint.path(), unknownId);
        if (endpoint.writes()) {
            for (String[] body : List.of(new String[] {"no body", JSON, null},
                    new String[] {"an empty body", JSON, ""},
                    new String[] {"truncated JSON", JSON, TRUNCATED},
                    new String[] {"a JSON array", JSON, "[1, 2, 3]"},
                    new String[] {"a JSON string", JSON, "\"just text\""},
                    new String[] {"a JSON number", JSON, "42"},
                    new String[] {"JSON null", JSON, "null"},
                    new String[] {"misspelt fields only", JSON, "{\"givenName\": \"Ann\", \"birthDate\": \"1980-02-03\", \"skill\": \"x\"}"},
                    new String[] {"text/plain", "text/plain", "description=plain text"},
                    new String[] {"XML", "application/xml", "<customer><id>1</id></customer>"},
                    new String[] {"no content type and no JSON", null, "description=no content type"})) {
                requests.add(new Request(endpoint, body[0], endpoint.method(), path, body[1], body[2]));
            }
            // one field per body: a field the endpoint does not take is refused before any other is read
            for (String field : wrongTypes()) {
                requests.add(new Request(endpoint, "a field of a wrong type: " + field, endpoint.method(), path, JSON, "{" + field + "}"));
            }
            for (String field : HUGE_STRING_FIELDS) {
                requests.add(new Request(endpoint, "a huge string in " + field, endpoint.method(), path, JSON, hugeString(field)));
            }
        }
        if (endpoint.method().equals("GET")) {
            for (String[] query : List.of(new String[] {"a negative limit", "limit=-1"},
                    new String[] {"a limit that is no number", "limit=many"},
                    new String[] {"a limit beyond long", "limit=99999999999999999999"},
                    new String[] {"a cursor that is no cursor", "cursor=%25%25garbage"},
                    new String[] {"a huge cursor", "cursor=" + "c".repeat(3000)},
                    new String[] {"bad enum values and dates", "state=BOGUS&type=BOGUS&value=&interval=eon&from=yesterday&to=never"
                            + "&queue=&agent="},
                    new String[] {"dates no store holds", "from=%2B999999999-12-31T23:59:59Z&to=-999999999-01-01T00:00:00Z"
                            + "&since=%2B999999999-12-31T23:59:59Z&until=-999999999-01-01T00:00:00Z"},
                    new String[] {"a huge search and a bad identifier", "q=" + "q".repeat(3000) + "&identifier=%3A%3A"},
                    new String[] {"a repeated limit", "limit=1&limit=500"})) {
                requests.add(new Request(endpoint, query[0], "GET", path + "?" + query[1], null, null));
            }
        }
        return requests;
    }

    /** A string far beyond any field's limit, in one of the fields the write endpoints read. */
    private static String hugeString(String field) {
        return "{\"" + field + "\": \"" + "a".repeat(150_000) + "\"}";
    }

    /** Fields the write endpoints read, each of a type it cannot have (an object where a string belongs, a string where a list belongs...). */
    private List<String> wrongTypes() {
        return List.of("\"description\": {\"nested\": true}", "\"displayName\": [\"x\", \"y\"]", "\"customerId\": {\"nested\": [1, 2]}",
                "\"survivorId\": 12", "\"mergedIds\": \"all of them\"", "\"recordIds\": 7", "\"reason\": [\"x\"]", "\"name\": false",
                "\"priority\": \"high\"", "\"channel\": \"TELEPATHY\"", "\"state\": \"NOPE\"", "\"status\": {}", "\"skills\": \"every\"",
                "\"capacity\": -" + random.nextInt(100), "\"limit\": \"many\"", "\"occurredAt\": \"yesterday\"",
                "\"emails\": \"not-a-list\"", "\"records\": {\"a\": 1}");
    }

    private static String fill(String path, String value) {
        return PARAMETER.matcher(path).replaceAll(Matcher.quoteReplacement(value));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
