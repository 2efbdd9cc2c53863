package dev.panorama.profile.materialising;

import dev.panorama.events.IncomingEvent;
import dev.panorama.profile.folding.ProfileEvents;
import dev.panorama.profile.store.MongoErrors;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The topics profiles are made of, a poll's batch at a time: the batch is applied in few writes (see
 * {@link ProfileMaterialiser#applyAll}) and its offsets are committed only once it is, so a crash redelivers (at least
 * once; applying is idempotent). A record that cannot be read goes to its topic's DLQ with the reason; when the batch
 * cannot be applied for another reason than an unavailable store, it is applied again one record at a time and only
 * the records that still fail go to the DLQ, each with its reason. An unavailable store is waited for: nothing dropped.
 */
@ApplicationScoped
public class ProfileEventsConsumer {

    private static final Logger LOG = Logger.getLogger(ProfileEventsConsumer.class);

    private final ProfileMaterialiser materialiser;
    private final DeadLetters deadLetters;

    public ProfileEventsConsumer(ProfileMaterialiser materialiser, DeadLetters deadLetters) {
        this.materialiser = materialiser;
        this.deadLetters = deadLetters;
    }

    @Incoming("identity-events")
    public Uni<Void> identity(ConsumerRecords<String, String> records) {
        return apply("identity-events", records);
    }

    @Incoming("interactions")
    public Uni<Void> interactions(ConsumerRecords<String, String> records) {
        return apply("interactions", records);
    }

    @Incoming("routing-events")
    public Uni<Void> routing(ConsumerRecords<String, String> records) {
        return apply("routing-events", records);
    }

    @Incoming("backoffice-events")
    public Uni<Void> backoffice(ConsumerRecords<String, String> records) {
        return apply("backoffice-events", records);
    }

    @Incoming("source-records")
    public Uni<Void> sourceRecords(ConsumerRecords<String, String> records) {
        return apply("source-records", records);
    }

    private Uni<Void> apply(String channel, ConsumerRecords<String, String> records) {
        List<Received> readable = new ArrayList<>();
        List<Uni<Void>> refused = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                IncomingEvent incoming = IncomingEvent.read(record);
                readable.add(new Received(record, new Delivery(incoming.id(), ProfileEvents.of(incoming.event()))));
            } catch (IllegalArgumentException unreadable) {
                refused.add(deadLetters.send(channel, record, unreadable.getMessage()));
            }
        }
        return applyAll(channel, readable).chain(() -> allOf(refused));
    }

    private Uni<Void> applyAll(String channel, List<Received> received) {
        if (received.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return whenStoreAvailable(() -> materialiser.applyAll(received.stream().map(Received::delivery).toList()))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("a batch of %d records of %s could not be applied (%s); applying them one by one", received.size(),
                            channel, failure.getClass().getSimpleName());
                    return oneByOne(channel, received);
                });
    }

    private Uni<Void> oneByOne(String channel, List<Received> received) {
        return Multi.createFrom().iterable(received).onItem().transformToUniAndConcatenate(one -> whenStoreAvailable(
                        () -> materialiser.apply(one.delivery().eventId(), one.delivery().event()))
                        .onFailure().recoverWithUni(failure -> deadLetters.send(channel, one.record(), reason(failure))))
                .collect().last().replaceWithVoid();
    }

    /** Waits out an unavailable store or a run of lost races, however long: retrying loses nothing, refusing would. */
    private static Uni<Void> whenStoreAvailable(Supplier<Uni<? extends Void>> work) {
        return Uni.createFrom().deferred(work)
                .onFailure(MongoErrors::passing).invoke(failure -> LOG.warnf("profile store unavailable (%s); retrying",
                        failure.getClass().getSimpleName()))
                .onFailure(MongoErrors::passing).retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(10)).indefinitely();
    }

    private static Uni<Void> allOf(List<Uni<Void>> sends) {
        return sends.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    private static String reason(Throwable failure) {
        return failure instanceof IllegalArgumentException ? failure.getMessage()
                : "cannot be applied: " + failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    /** A record and what it says. */
    private record Received(ConsumerRecord<String, String> record, Delivery delivery) {
    }
}
