package dev.panorama.journeys.demo;

import dev.panorama.journeys.client.BackOfficeFeed;
import dev.panorama.journeys.client.Caller;
import dev.panorama.journeys.client.Tokens;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code DemoMain [--gateway URL] [--kafka HOST:PORT] [--issuer URL] [--seed N] [--customers N]}: generates the demo
 * world and loads it into a running suite ({@code ./panorama up --demo}); the agents are set up as the demo
 * supervisor sam. Defaults are the local ports of
 * {@code ./panorama up}. The world's history starts 30 days before today (UTC), so a seed gives the same world
 * all day.
 */
public final class DemoMain {

    private DemoMain() {
    }

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        String gateway = options.getOrDefault("gateway", "http://127.0.0.1:8080");
        String kafka = options.getOrDefault("kafka", "127.0.0.1:9092");
        String issuer = options.getOrDefault("issuer", "http://127.0.0.1:8180/realms/panorama");
        long seed = Long.parseLong(options.getOrDefault("seed", "20260101"));
        int customers = Integer.parseInt(options.getOrDefault("customers", "200"));
        Instant start = LocalDate.now(ZoneOffset.UTC).minusDays(30).atStartOfDay(ZoneOffset.UTC).toInstant();
        DemoData data = DemoGenerator.generate(seed, customers, start);
        long began = System.nanoTime();
        try (BackOfficeFeed feed = new BackOfficeFeed(kafka, "panorama-demo")) {
            DemoLoader.Loaded loaded = new DemoLoader(feed, new Caller(gateway, Tokens.forClient(issuer, "channel-adapter")),
                    new Caller(gateway, Tokens.forUser(issuer, "sam"))).load(data);
            System.out.printf("Demo data loaded in %.1f s (seed %d): %d people, %d source records, %d back-office facts,"
                    + " %d contacts, %d agents with %d skills in routing (log in as alice and go available to be offered"
                    + " requests).%n",
                    (System.nanoTime() - began) / 1e9, seed, data.people().size(), loaded.records(), loaded.facts(),
                    loaded.interactions(), loaded.agents(), loaded.skills());
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("options are --name value, not " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
