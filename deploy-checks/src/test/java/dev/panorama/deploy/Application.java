package dev.panorama.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one Quarkus application says about itself in its application.properties and POM, as the
 * production profile sees it: name, port, health endpoints, the Kafka topics it uses.
 */
record Application(Path module, String name, Map<String, String> config, boolean hasHealth) {

    private static final Pattern CHANNEL = Pattern.compile("^mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.connector$");

    static Path propertiesOf(Path module) {
        return module.resolve("src/main/resources/application.properties");
    }

    static Application read(Path module) {
        Properties raw = new Properties();
        try {
            raw.load(new StringReader(Checkout.read(propertiesOf(module))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new LinkedHashMap<>();
        raw.stringPropertyNames().stream().filter(key -> !key.startsWith("%"))
                .forEach(key -> config.put(key, raw.getProperty(key)));
        // the prod profile (what a deployed application runs) wins over the defaults; other profiles never apply
        raw.stringPropertyNames().stream().filter(key -> key.startsWith("%prod."))
                .forEach(key -> config.put(key.substring("%prod.".length()), raw.getProperty(key)));
        boolean health = Checkout.read(module.resolve("pom.xml")).contains("<artifactId>quarkus-smallrye-health</artifactId>");
        return new Application(module, config.get("quarkus.application.name"), config, health);
    }

    /** The HTTP port from the configuration alone (Quarkus' default 8080 when unset). */
    int configuredPort() {
        return Integer.parseInt(resolve(config.getOrDefault("quarkus.http.port", "8080")));
    }

    String livenessPath() {
        return healthPath("quarkus.smallrye-health.liveness-path", "live");
    }

    String readinessPath() {
        return healthPath("quarkus.smallrye-health.readiness-path", "ready");
    }

    String startupPath() {
        return healthPath("quarkus.smallrye-health.startup-path", "started");
    }

    /** Quarkus' rule: a relative path hangs off its parent (HTTP root, then /q, then /q/health). */
    private String healthPath(String key, String defaultPath) {
        String root = config.getOrDefault("quarkus.http.root-path", "/");
        String nonApplication = under(root, config.getOrDefault("quarkus.http.non-application-root-path", "q"));
        String health = under(nonApplication, config.getOrDefault("quarkus.smallrye-health.root-path", "health"));
        return under(health, config.getOrDefault(key, defaultPath));
    }

    private static String under(String parent, String path) {
        if (path.startsWith("/")) {
            return path;
        }
        return (parent.endsWith("/") ? parent : parent + "/") + path;
    }

    /** Every Kafka topic the application reads, writes or dead-letters to (SmallRye's defaults included). */
    Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        kafkaChannels().forEach((channel, direction) -> {
            String prefix = "mp.messaging." + direction + "." + channel + ".";
            topics.add(resolve(config.getOrDefault(prefix + "topic", channel)));
            if ("dead-letter-queue".equals(config.get(prefix + "failure-strategy"))) {
                topics.add(resolve(config.getOrDefault(prefix + "dead-letter-queue.topic", "dead-letter-topic-" + channel)));
            }
        });
        return topics;
    }

    /**
     * Topics it consumes, each with its consumer group (the application's name unless group.id says otherwise).
     * A group per process ({@code ${quarkus.uuid}}) is every replica hearing every event (e.g. to clear a cache):
     * its lag says nothing about how many replicas are needed, so it is left out.
     */
    Map<String, String> consumedTopicGroups() {
        Map<String, String> groups = new LinkedHashMap<>();
        kafkaChannels().forEach((channel, direction) -> {
            String prefix = "mp.messaging.incoming." + channel + ".";
            String group = config.getOrDefault(prefix + "group.id", config.getOrDefault("kafka.group.id", name));
            if (direction.equals("incoming") && !group.contains("${quarkus.uuid}")) {
                groups.put(resolve(config.getOrDefault(prefix + "topic", channel)), resolve(group));
            }
        });
        return groups;
    }

    /** channel name -> incoming/outgoing, for every channel on the Kafka connector. */
    private Map<String, String> kafkaChannels() {
        Map<String, String> channels = new LinkedHashMap<>();
        config.forEach((key, value) -> {
            Matcher matcher = CHANNEL.matcher(key);
            if (matcher.matches() && value.equals("smallrye-kafka")) {
                channels.put(matcher.group(2), matcher.group(1));
            }
        });
        return channels;
    }

    /** ${key} and ${key:default} expressions, resolved against the same configuration. */
    private String resolve(String value) {
        Matcher expression = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}").matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (expression.find()) {
            String replacement = config.getOrDefault(expression.group(1), expression.group(2));
            if (replacement == null) {
                throw new AssertionError(name + ": cannot resolve " + expression.group() + " in " + value);
            }
            expression.appendReplacement(resolved, Matcher.quoteReplacement(resolve(replacement)));
        }
        return expression.appendTail(resolved).toString();
    }
}
