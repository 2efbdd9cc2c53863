package dev.panorama.routing.intake;

import dev.panorama.events.interaction.InteractionLogged;
import dev.panorama.events.interaction.RoutingHints;
import dev.panorama.events.routing.SkillRequirement;
import dev.panorama.routing.config.RoutingConfig;
import dev.panorama.routing.queues.QueueStore;
import dev.panorama.routing.skills.SkillCatalogue;
import dev.panorama.routing.store.Ids;
import dev.panorama.routing.store.Transactions;
import dev.panorama.routing.tasks.NewTask;
import dev.panorama.routing.tasks.TaskLifecycle;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a contact that needs an answer into a routing task: the channel and the interaction's routing hints
 * (required skills, language as skill {@code lang:<code>}, intent as queue id when such a queue exists, a priority
 * hint) plus the customer's profile hints (a priority boost, the agents who served the customer lately as preferred
 * agents). Skills the catalogue does not hold are left out (nobody could meet them). One task per interaction.
 */
@ApplicationScoped
public class TaskIntake {

    private final TaskLifecycle lifecycle;
    private final ProfileHints profile;
    private final Transactions transactions;
    private final SkillCatalogue skills;
    private final QueueStore queues;
    private final RoutingConfig config;
    private final Clock clock;

    public TaskIntake(TaskLifecycle lifecycle, ProfileHints profile, Transactions transactions, SkillCatalogue skills,
            QueueStore queues, RoutingConfig config, Clock clock) {
        this.lifecycle = lifecycle;
        this.profile = profile;
        this.transactions = transactions;
        this.skills = skills;
        this.queues = queues;
        this.config = config;
        this.clock = clock;
    }

    public Uni<Void> accept(InteractionLogged interaction) {
        if (!interaction.needsResponse()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.combine().all().unis(profile.of(interaction.customerId()), knownSkillsAndQueue(interaction)).asTuple()
                .map(found -> task(interaction, found.getItem1(), found.getItem2()))
                .chain(lifecycle::create)
                .replaceWithVoid();
    }

    private record Known(Set<String> skills, Optional<String> queue) {
    }

    private Uni<Known> knownSkillsAndQueue(InteractionLogged interaction) {
        RoutingHints hints = interaction.routingHints();
        List<String> wanted = wantedSkills(hints);
        String intent = hints == null ? null : hints.intent();
        return transactions.read(connection -> skills.known(connection, wanted)
                .chain(known -> intent == null ? Uni.createFrom().item(new Known(known, Optional.empty()))
                        : queues.find(connection, intent).map(queue -> new Known(known, queue.map(q -> q.id())))));
    }

    private NewTask task(InteractionLogged interaction, Optional<ProfileApi.Hints> profileHints, Known known) {
        RoutingHints hints = interaction.routingHints();
        List<SkillRequirement> required = wantedSkills(hints).stream().filter(known.skills()::contains)
                .map(skill -> new SkillRequirement(skill, 1)).toList();
        int priority = hints != null && hints.priorityHint() != null ? hints.priorityHint() : config.defaultPriority();
        priority += profileHints.map(ProfileApi.Hints::priorityBoost).orElse(0);
        List<String> preferred = profileHints.map(found -> found.recentAgents().stream().map(ProfileApi.RecentAgent::agentId)
                .filter(java.util.Objects::nonNull).distinct().limit(config.hints().preferredAgents()).toList()).orElse(List.of());
        return new NewTask(Ids.next(clock.instant()), interaction.channel(), known.queue().orElse(config.defaultQueue()),
                Math.max(0, Math.min(100, priority)), required, List.of(), preferred, interaction.customerId(),
                interaction.interactionId(), hints == null ? null : hints.intent(), "INTERACTION", "interaction-service");
    }

    private static List<String> wantedSkills(RoutingHints hints) {
        if (hints == null) {
            return List.of();
        }
        Set<String> wanted = new LinkedHashSet<>(hints.requiredSkills());
        if (hints.language() != null && !hints.language().isBlank()) {
            wanted.add("lang:" + hints.language().toLowerCase());
        }
        return new ArrayList<>(wanted);
    }
}
