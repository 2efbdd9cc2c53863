package dev.panorama.interaction.following;

import dev.panorama.events.identity.CustomerErased;
import dev.panorama.events.identity.CustomerSplit;
import dev.panorama.events.identity.CustomersMerged;
import dev.panorama.interaction.resolution.SenderCache;
import dev.panorama.kit.store.UntilAvailable;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Identity events on {@code panorama.identity.events}, twice: once per consumer group to re-key the log (one replica
 * applies each event), and once per replica to drop what its sender cache learned before (every replica must).
 * A record that cannot be read or applied goes to {@code panorama.identity.events.dlq} with the reason. While MongoDB
 * cannot be reached (down, out of reach, no primary) the event is applied again, with a growing pause, until it can:
 * dead-lettering it would leave the log keyed the old way for good.
 */
@ApplicationScoped
public class IdentityEventsConsumer {

    private final IdentityFollower follower;
    private final SenderCache senders;

    public IdentityEventsConsumer(IdentityFollower follower, SenderCache senders) {
        this.follower = follower;
        this.senders = senders;
    }

    @Incoming("identity-events")
    public Uni<Void> follow(ConsumerRecord<String, String> record) {
        return IdentityEvent.read(record)
                .map(event -> Uni.createFrom().voidItem().invoke(() -> forget(event))
                        .chain(() -> UntilAvailable.<Void>mongo(() -> follower.apply(event))))
                .orElse(Uni.createFrom().voidItem());
    }

    @Incoming("identity-cache")
    public void invalidate(ConsumerRecord<String, String> record) {
        try {
            IdentityEvent.read(record).ifPresent(this::forget);
        } catch (IllegalArgumentException unreadable) {
            // the group consumer dead-letters it; this replica has nothing it could drop
        }
    }

    private void forget(IdentityEvent event) {
        switch (event.event()) {
            case CustomersMerged merged -> senders.forgetCustomers(merged.mergedIds());
            case CustomerSplit split -> senders.forgetRecords(IdentityFollower.recordKeys(split.movedRecords()));
            case CustomerErased erased -> senders.forgetCustomers(List.of(erased.customerId()));
            default -> { }
        }
    }
}
