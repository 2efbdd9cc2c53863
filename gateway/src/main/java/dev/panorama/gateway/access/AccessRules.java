package dev.panorama.gateway.access;

import dev.panorama.gateway.routes.PathPattern;
import dev.panorama.gateway.routes.RequestPath;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The access-rule table: which realm roles may call each endpoint of each service. */
public final class AccessRules {

    public static final String RESOURCE = "/dev/panorama/gateway/access-rules.txt";
    /** In place of roles: any caller with a valid token. */
    public static final String ANY_CALLER = "*";
    /** In place of roles: nobody. */
    public static final String NOBODY = "-";

    /** What the table says about one request. */
    public enum Decision { ALLOWED, FORBIDDEN, UNLISTED }

    /** One endpoint and the roles allowed to call it. */
    public record Rule(String service, String method, String path, Set<String> roles) {

        public Rule {
            roles = Set.copyOf(roles);
        }

        PathPattern pattern() {
            return PathPattern.parse(path);
        }

        /** Whether a caller with these realm roles may call the endpoint. */
        public boolean admits(Set<String> callerRoles) {
            if (roles.contains(NOBODY)) {
                return false;
            }
            return roles.contains(ANY_CALLER) || !Collections.disjoint(roles, callerRoles);
        }
    }

    private record Compiled(Rule rule, PathPattern pattern) {
    }

    private final List<Rule> rules;
    /** The rules of each method, looked up on every request. */
    private final Map<String, List<Compiled>> byMethod;

    public AccessRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        this.byMethod = rules.stream().map(rule -> new Compiled(rule, rule.pattern()))
                .collect(Collectors.groupingBy(compiled -> compiled.rule().method()));
    }

    /** The table shipped with the gateway. */
    public static AccessRules bundled() {
        try (InputStream in = AccessRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Lines of {@code service method path role,role,...} ({@code *} for any valid token, {@code -} for nobody);
     * blank lines and {@code #} comments are skipped.
     */
    public static AccessRules parse(List<String> lines) {
        return new AccessRules(lines.stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(AccessRules::rule)
                .toList());
    }

    private static Rule rule(String line) {
        String[] columns = line.split("\\s+");
        if (columns.length != 4) {
            throw new IllegalArgumentException("an access rule has four columns: " + line);
        }
        Set<String> roles = Arrays.stream(columns[3].split(",")).map(String::strip).collect(Collectors.toSet());
        return new Rule(columns[0], columns[1].toUpperCase(Locale.ROOT), columns[2], roles);
    }

    /** Whether a caller with the given roles may send this request; HEAD is judged as GET. */
    public Decision decide(String method, String path, Set<String> callerRoles) {
        String judged = method.equalsIgnoreCase("HEAD") ? "GET" : method.toUpperCase(Locale.ROOT);
        List<String> segments = RequestPath.segments(path);
        Compiled best = null;
        for (Compiled candidate : byMethod.getOrDefault(judged, List.of())) {
            if ((best == null || candidate.pattern().specificity() > best.pattern().specificity())
                    && candidate.pattern().matches(segments)) {
                best = candidate;
            }
        }
        if (best == null) {
            return Decision.UNLISTED;
        }
        return best.rule().admits(callerRoles) ? Decision.ALLOWED : Decision.FORBIDDEN;
    }

    public List<Rule> rules() {
        return rules;
    }
}
