package dev.panorama.events;

import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * CloudEvents 1.0 in Kafka's binary mode, as the design doc fixes it: {@code ce_id} (for
 * de-duplication), {@code ce_type}, {@code ce_source} (the producing service), {@code ce_time}
 * and {@code ce_subject} (the customer id), the event itself as the JSON value.
 */
public final class CloudEvents {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    private CloudEvents() {
    }

    /** Metadata for a SmallRye Reactive Messaging Kafka message carrying the given event. */
    public static OutgoingCloudEventMetadata<Object> outgoing(EventEnvelope envelope) {
        return OutgoingCloudEventMetadata.builder()
                .withId(envelope.id())
                .withType(envelope.type())
                .withSource(URI.create(envelope.source()))
                .withSubject(envelope.subject())
                .withTimestamp(envelope.time().atZone(ZoneOffset.UTC))
                .withDataContentType(CONTENT_TYPE)
                .build();
    }

    /** The envelope of a message a SmallRye consumer received. */
    public static EventEnvelope incoming(IncomingCloudEventMetadata<?> metadata) {
        return new EventEnvelope(metadata.getId(), metadata.getType(), metadata.getSource().toString(),
                metadata.getSubject().orElse(null),
                metadata.getTimeStamp().map(time -> time.toInstant()).orElse(null));
    }

    /** Binary-mode headers for producers that use plain kafka-clients (channel adapters, benchmarks). */
    public static Headers kafkaHeaders(EventEnvelope envelope) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, "ce_specversion", SPEC_VERSION);
        add(headers, "ce_id", envelope.id());
        add(headers, "ce_type", envelope.type());
        add(headers, "ce_source", envelope.source());
        add(headers, "ce_time", envelope.time().toString());
        if (envelope.subject() != null) {
            add(headers, "ce_subject", envelope.subject());
        }
        add(headers, "content-type", CONTENT_TYPE);
        return headers;
    }

    /**
     * Reads the envelope back from binary-mode headers; null where a header is absent.
     *
     * @throws IllegalArgumentException when {@code ce_time} is no RFC 3339 timestamp: every consumer refuses what it
     *         cannot read with this exception (its DLQ keeps the reason), so a malformed header must not be another one
     */
    public static EventEnvelope fromKafkaHeaders(Headers headers) {
        String time = header(headers, "ce_time");
        return new EventEnvelope(header(headers, "ce_id"), header(headers, "ce_type"), header(headers, "ce_source"),
                header(headers, "ce_subject"), time == null ? null : time(time));
    }

    private static Instant time(String header) {
        try {
            return Instant.parse(header);
        } catch (DateTimeParseException malformed) {
            throw new IllegalArgumentException("ce_time is not an RFC 3339 timestamp");
        }
    }

    /** A new envelope for an event a service is about to publish. */
    public static EventEnvelope envelope(EventType type, String source, String subject, Instant time) {
        return new EventEnvelope(UUID.randomUUID().toString(), type.ceType(), source, subject, time);
    }

    private static void add(Headers headers, String key, String value) {
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String header(Headers headers, String key) {
        var header = headers.lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
