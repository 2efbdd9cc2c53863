package dev.panorama.routing.intake;

import dev.panorama.events.IncomingEvent;
import dev.panorama.events.identity.CustomerErased;
import dev.panorama.events.identity.CustomersMerged;
import dev.panorama.events.interaction.InteractionLogged;
import dev.panorama.kit.store.UntilAvailable;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What routing consumes: contacts that need an answer ({@code panorama.interactions}, one task per interaction
 * however often it is redelivered) and identity changes ({@code panorama.identity.events}: merged customers'
 * tasks move to the survivor, an erased customer is forgotten; each event applied once). A record that cannot be
 * read or applied goes to the topic's DLQ with the reason (each channel's failure strategy). While PostgreSQL cannot be
 * reached (down, restarting, recovering) the record is applied again, with a growing pause, until it can: dead-lettering
 * it would lose the task for good.
 */
@ApplicationScoped
public class RoutingIntakeConsumer {

    private final TaskIntake intake;
    private final IdentityFollower identity;

    public RoutingIntakeConsumer(TaskIntake intake, IdentityFollower identity) {
        this.intake = intake;
        this.identity = identity;
    }

    @Incoming("interactions")
    public Uni<Void> interactions(ConsumerRecord<String, String> record) {
        return Uni.createFrom().item(() -> IncomingEvent.read(record))
                .chain(incoming -> UntilAvailable.<Void>postgres(() -> switch (incoming.event()) {
                    case InteractionLogged logged -> intake.accept(logged);
                    default -> Uni.createFrom().voidItem();
                }));
    }

    @Incoming("identity-events")
    public Uni<Void> identity(ConsumerRecord<String, String> record) {
        return Uni.createFrom().item(() -> IncomingEvent.read(record))
                .chain(incoming -> UntilAvailable.<Void>postgres(() -> switch (incoming.event()) {
                    case CustomersMerged merged -> identity.merged(incoming.id(), merged);
                    case CustomerErased erased -> identity.erased(incoming.id(), erased);
                    default -> Uni.createFrom().voidItem();
                }));
    }
}
