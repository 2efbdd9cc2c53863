package dev.panorama.deploy;

import dev.panorama.deploy.Endpoints.Endpoint;
import dev.panorama.gateway.access.AccessRules;
import dev.panorama.gateway.routes.RouteTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The gateway's access-rule table as the services' code declares it: every endpoint of every application
 * behind the gateway (an upstream in the gateway's configuration) with the roles its resource states.
 */
final class AccessRuleTable {

    /** The command that rewrites the committed table from the services' resources. */
    static final String REGENERATE = "./mvnw -pl deploy-checks -am install -DskipTests && "
            + "./mvnw -pl deploy-checks verify -Dtest=AccessRuleTableTest -Dpanorama.access-rules.write=true";

    private static final Pattern UPSTREAM = Pattern.compile("^panorama\\.gateway\\.upstreams\\.([^.]+)\\.url$");
    private static final Pattern ROUTE = Pattern.compile("^panorama\\.gateway\\.routes\\[(\\d+)]\\.(upstream|paths)$");
    private static final List<String> METHOD_ORDER = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    /** One line of the table. */
    record Row(String service, Endpoint endpoint) {

        String method() {
            return endpoint.method();
        }

        String path() {
            return endpoint.path();
        }
    }

    private AccessRuleTable() {
    }

    static Application gateway() {
        return Checkout.application("gateway");
    }

    /** The committed table the gateway reads. */
    static Path file() {
        return gateway().module().resolve("src/main/resources" + AccessRules.RESOURCE);
    }

    /** The applications behind the gateway, in the root POM's order. */
    static List<Application> upstreams() {
        List<String> names = gateway().config().keySet().stream()
                .map(UPSTREAM::matcher).filter(Matcher::matches).map(m -> m.group(1)).toList();
        List<Application> applications = Checkout.applications().stream().filter(a -> names.contains(a.name())).toList();
        List<String> unknown = new ArrayList<>(names);
        unknown.removeAll(applications.stream().map(Application::name).toList());
        if (!unknown.isEmpty()) {
            throw new AssertionError("the gateway names upstreams that are no application of the root POM: " + unknown);
        }
        return applications;
    }

    /** Every endpoint of every application behind the gateway, ordered by service, path and method. */
    static List<Row> generate() {
        List<Row> rows = new ArrayList<>();
        for (Application application : upstreams()) {
            Endpoints.of(classesOf(application)).forEach(endpoint -> rows.add(new Row(application.name(), endpoint)));
        }
        List<String> order = upstreams().stream().map(Application::name).toList();
        rows.sort(Comparator.<Row>comparingInt(row -> order.indexOf(row.service()))
                .thenComparing(Row::path)
                .thenComparingInt(row -> METHOD_ORDER.indexOf(row.method())));
        return rows;
    }

    static String render(List<Row> rows) {
        int service = width(rows, Row::service, "# service");
        int method = width(rows, Row::method, "method");
        int path = width(rows, Row::path, "path");
        String format = "%-" + service + "s  %-" + method + "s  %-" + path + "s  %s";
        StringBuilder text = new StringBuilder("""
                # Panorama access rules: every endpoint of every service behind the gateway and the realm roles allowed
                # to call it ("*": any valid token; "-": nobody). The gateway answers 403 at the edge to a caller with
                # none of them; each service checks again.
                #
                # Generated from the services' JAX-RS resources (@Path, the HTTP method, @RolesAllowed, @PermitAll,
                # @Authenticated, @DenyAll) by deploy-checks' AccessRuleTableTest, which fails when this file differs
                # from what the code declares. Do not edit by hand; regenerate with
                #   %s
                #
                """.formatted(REGENERATE));
        text.append(String.format(format, "# service", "method", "path", "roles").stripTrailing()).append('\n');
        for (Row row : rows) {
            text.append(String.format(format, row.service(), row.method(), row.path(), String.join(",", row.endpoint().roles())))
                    .append('\n');
        }
        return text.toString();
    }

    /** The gateway's route table, from its configuration. */
    static RouteTable routes() {
        Map<Integer, String> upstreams = new TreeMap<>();
        Map<Integer, List<String>> paths = new TreeMap<>();
        gateway().config().forEach((key, value) -> {
            Matcher route = ROUTE.matcher(key);
            if (route.matches()) {
                int index = Integer.parseInt(route.group(1));
                if (route.group(2).equals("upstream")) {
                    upstreams.put(index, value.strip());
                } else {
                    paths.put(index, List.of(value.strip().split("\\s*,\\s*")));
                }
            }
        });
        return new RouteTable(upstreams.entrySet().stream()
                .map(e -> RouteTable.Route.of(e.getValue(), paths.getOrDefault(e.getKey(), List.of())))
                .toList());
    }

    /**
     * Where the application's classes are on this test's classpath: the jar or directory whose
     * application.properties names the application (deploy-checks depends on each one's jar).
     */
    static Path classesOf(Application application) {
        try {
            for (URL url : Collections.list(AccessRuleTable.class.getClassLoader().getResources("application.properties"))) {
                if (application.name().equals(applicationName(url))) {
                    return root(url);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError(application.name() + "'s classes are not on deploy-checks' test classpath: add "
                + artifactId(application) + " to deploy-checks/pom.xml as a test dependency (exclusions *:*) like the others");
    }

    private static String applicationName(URL url) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = url.openStream()) {
            properties.load(in);
        }
        return properties.getProperty("quarkus.application.name");
    }

    private static Path root(URL url) {
        String text = url.toString();
        if (text.startsWith("jar:file:")) {
            return Path.of(URI.create(text.substring("jar:".length(), text.indexOf("!/"))));
        }
        return Path.of(URI.create(text)).getParent();
    }

    private static String artifactId(Application application) {
        Matcher artifact = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>")
                .matcher(Checkout.read(application.module().resolve("pom.xml")));
        return artifact.find() ? artifact.group(1) : application.module().getFileName().toString();
    }

    private static int width(List<Row> rows, Function<Row, String> column, String heading) {
        return Math.max(heading.length(), rows.stream().map(column).mapToInt(String::length).max().orElse(0));
    }

    /** The table as one line per rule, for messages. */
    static String describe(List<Row> rows) {
        return rows.stream().map(row -> row.service() + " " + row.method() + " " + row.path())
                .collect(Collectors.joining("\n  ", "\n  ", ""));
    }
}
