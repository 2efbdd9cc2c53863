package dev.panorama.bench.report;

import java.time.Duration;
import java.util.List;

/**
 * Every benchmark of this module with the arguments of a full run and of a quick one (the same
 * measurements on smaller loads, to check the report end to end in minutes).
 */
public final class BenchPlan {

    /** One benchmark run: its main class and arguments, and how long it may take. */
    public record Run(String name, String mainClass, List<String> arguments, Duration limit) {
    }

    private BenchPlan() {
    }

    public static List<Run> of(boolean quick) {
        return quick ? quick() : full();
    }

    private static List<Run> full() {
        return List.of(
                run("devstack-startup", "dev.panorama.bench.DevStackStartupBench", 15, "3"),
                run("identity-quality", "dev.panorama.bench.identity.IdentityQualityBench", 15),
                run("identity-training", "dev.panorama.bench.identity.ModelTrainingBench", 15),
                run("identity-api", "dev.panorama.bench.identity.IdentityApiBench", 60, "10000,100000", "8"),
                run("identity-scale-out", "dev.panorama.bench.identity.IdentityScaleOutBench", 20, "2000", "3", "3"),
                run("interaction-ingest", "dev.panorama.bench.interaction.InteractionIngestBench", 40, "30000", "5"),
                run("interaction-scale-out", "dev.panorama.bench.interaction.InteractionScaleOutBench", 20),
                run("profile", "dev.panorama.bench.profile.ProfileBench", 40),
                run("gateway-overhead", "dev.panorama.bench.gateway.GatewayOverheadBench", 20),
                run("routing", "dev.panorama.bench.routing.RoutingBench", 60, "2000", "10000", "42"),
                run("reliability", "dev.panorama.bench.reliability.ReliabilityBench", 60, "100", "60s"));
    }

    private static List<Run> quick() {
        return List.of(
                run("devstack-startup", "dev.panorama.bench.DevStackStartupBench", 10, "1"),
                run("identity-quality", "dev.panorama.bench.identity.IdentityQualityBench", 15),
                run("identity-training", "dev.panorama.bench.identity.ModelTrainingBench", 15),
                run("identity-api", "dev.panorama.bench.identity.IdentityApiBench", 20, "3000", "4"),
                run("identity-scale-out", "dev.panorama.bench.identity.IdentityScaleOutBench", 10, "500", "1", "1"),
                run("interaction-ingest", "dev.panorama.bench.interaction.InteractionIngestBench", 20, "2000", "1", "5000", "1000"),
                run("interaction-scale-out", "dev.panorama.bench.interaction.InteractionScaleOutBench", 10, "1000", "1"),
                run("profile", "dev.panorama.bench.profile.ProfileBench", 20, "300", "10", "5000"),
                run("gateway-overhead", "dev.panorama.bench.gateway.GatewayOverheadBench", 15, "1000", "4", "1"),
                run("routing", "dev.panorama.bench.routing.RoutingBench", 20, "200", "1000", "42"),
                run("reliability", "dev.panorama.bench.reliability.ReliabilityBench", 30, "20", "20s"));
    }

    private static Run run(String name, String mainClass, int minutes, String... arguments) {
        return new Run(name, mainClass, List.of(arguments), Duration.ofMinutes(minutes));
    }
}
