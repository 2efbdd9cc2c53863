package dev.panorama.profile.materialising;

import dev.panorama.profile.folding.ProfileEvents;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The topics profiles are made of, one record at a time per partition (so one customer's events keep their order
 * where the producer kept it). A record that cannot be read or applied goes to the topic's DLQ with the reason
 * (each channel's failure strategy); the partition moves on.
 */
@ApplicationScoped
public class ProfileEventsConsumer {

    private final ProfileMaterialiser materialiser;

    public ProfileEventsConsumer(ProfileMaterialiser materialiser) {
        this.materialiser = materialiser;
    }

    @Incoming("identity-events")
    public Uni<Void> identity(ConsumerRecord<String, String> record) {
        return apply(record);
    }

    @Incoming("interactions")
    public Uni<Void> interactions(ConsumerRecord<String, String> record) {
        return apply(record);
    }

    @Incoming("routing-events")
    public Uni<Void> routing(ConsumerRecord<String, String> record) {
        return apply(record);
    }

    @Incoming("backoffice-events")
    public Uni<Void> backoffice(ConsumerRecord<String, String> record) {
        return apply(record);
    }

    @Incoming("source-records")
    public Uni<Void> sourceRecords(ConsumerRecord<String, String> record) {
        return apply(record);
    }

    private Uni<Void> apply(ConsumerRecord<String, String> record) {
        return Uni.createFrom().item(() -> IncomingEvent.read(record))
                .chain(incoming -> materialiser.apply(incoming.id(), ProfileEvents.of(incoming.event())));
    }
}
