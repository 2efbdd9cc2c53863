package dev.panorama.identity.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.panorama.events.CloudEvents;
import dev.panorama.events.EventJson;
import dev.panorama.events.source.SourceRecord;
import dev.panorama.identity.resolution.ResolutionService;
import dev.panorama.kit.store.UntilAvailable;
import dev.panorama.outbox.OutboxRelay;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Source records from back-office systems and channels on {@code panorama.source-records}, resolved
 * one at a time per partition. Records this service published itself (received over REST or an import,
 * already stored) are passed over: reading an older version back must not make it a newer one. A record
 * that cannot be read or resolved goes to the dead-letter topic with the reason (the connector's failure
 * strategy); the partition moves on. While PostgreSQL cannot be reached (down, restarting, recovering, out of
 * connections) the record is resolved again, with a growing pause, until it can: dead-lettering it would lose it.
 */
@ApplicationScoped
public class SourceRecordsConsumer {

    private static final Logger LOG = Logger.getLogger(SourceRecordsConsumer.class);
    private static final ObjectMapper JSON = EventJson.mapper();

    private final ResolutionService resolution;
    private final OutboxRelay relay;
    private final byte[] ownSourceBytes;

    public SourceRecordsConsumer(ResolutionService resolution, OutboxRelay relay,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.resolution = resolution;
        this.relay = relay;
        // the CloudEvents source the outbox relay stamps on what this service publishes
        this.ownSourceBytes = ("/" + application).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * By its {@code ce_source} header alone: every record received over REST comes back this way, and reading each
     * one's whole envelope (its time parsed) cost about half a percent of the service's CPU.
     */
    private boolean publishedHere(ConsumerRecord<String, String> message) {
        Header source = message.headers().lastHeader("ce_source");
        return source != null && Arrays.equals(ownSourceBytes, source.value());
    }

    @Incoming("source-records")
    public Uni<Void> consume(ConsumerRecord<String, String> message) {
        if (publishedHere(message)) {
            return Uni.createFrom().voidItem(); // received over REST or an import, and stored before it was published
        }
        CloudEvents.fromKafkaHeaders(message.headers()); // a record it cannot read the envelope of goes to the DLQ
        SourceRecord record = read(message.value());
        return UntilAvailable.postgres(() -> resolution.ingestFromTopic(record))
                .invoke(resolved -> LOG.debugf("source record resolved to customer %s (%s)", resolved.customerId(), resolved.decision()))
                .invoke(relay::nudge)
                .replaceWithVoid();
    }

    private static SourceRecord read(String payload) {
        if (payload == null) {
            throw new IllegalArgumentException("not a SourceRecord: no value");
        }
        try {
            SourceRecord record = JSON.readValue(payload, SourceRecord.class);
            if (blank(record.sourceSystem()) || blank(record.sourceId())) {
                throw new IllegalArgumentException("a source record needs sourceSystem and sourceId");
            }
            if (RecordContent.nothingToMatchOn(record)) {
                throw new IllegalArgumentException(RecordContent.NOTHING_TO_MATCH_ON + " (fields sent: " + fieldNames(payload) + ")");
            }
            return record;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a SourceRecord: " + e.getOriginalMessage());
        }
    }

    /** Events may carry fields this version does not know, so misspelt ones are only named when nothing else was read. */
    private static String fieldNames(String payload) throws JsonProcessingException {
        List<String> names = new ArrayList<>();
        JSON.readTree(payload).fieldNames().forEachRemaining(name -> names.add(name.length() > 40 ? name.substring(0, 40) + "..." : name));
        return String.join(", ", names.subList(0, Math.min(names.size(), 12))) + (names.size() > 12 ? ", ..." : "");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
