package dev.panorama.identity.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.panorama.events.EventJson;
import dev.panorama.events.source.SourceRecord;
import dev.panorama.identity.resolution.ResolutionService;
import dev.panorama.outbox.OutboxRelay;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Source records from back-office systems and channels on {@code panorama.source-records}, resolved
 * one at a time per partition. A record that cannot be read or resolved goes to the dead-letter topic
 * with the reason (the connector's failure strategy); the partition moves on.
 */
@ApplicationScoped
public class SourceRecordsConsumer {

    private static final Logger LOG = Logger.getLogger(SourceRecordsConsumer.class);
    private static final ObjectMapper JSON = EventJson.mapper();

    private final ResolutionService resolution;
    private final OutboxRelay relay;

    public SourceRecordsConsumer(ResolutionService resolution, OutboxRelay relay) {
        this.resolution = resolution;
        this.relay = relay;
    }

    @Incoming("source-records")
    public Uni<Void> consume(String payload) {
        SourceRecord record = read(payload);
        return resolution.ingest(record)
                .invoke(resolved -> LOG.debugf("source record resolved to customer %s (%s)", resolved.customerId(), resolved.decision()))
                .invoke(relay::nudge)
                .replaceWithVoid();
    }

    private static SourceRecord read(String payload) {
        try {
            SourceRecord record = JSON.readValue(payload, SourceRecord.class);
            if (blank(record.sourceSystem()) || blank(record.sourceId())) {
                throw new IllegalArgumentException("a source record needs sourceSystem and sourceId");
            }
            return record;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a SourceRecord: " + e.getOriginalMessage());
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
