package dev.panorama.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers of a dead letter written by a consumer itself (one that reads batches, where SmallRye's dead-letter
 * strategy would dead-letter a whole batch for one bad record): the original record's headers plus the reason and
 * where the record was, under the names SmallRye's strategy uses, so operators read every DLQ of the suite the same way.
 */
public final class DeadLetterHeaders {

    public static final String REASON = "dead-letter-reason";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";

    private DeadLetterHeaders() {
    }

    public static Headers of(ConsumerRecord<?, ?> record, String reason) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        replace(headers, REASON, reason == null ? "unknown" : reason);
        replace(headers, TOPIC, record.topic());
        replace(headers, PARTITION, Integer.toString(record.partition()));
        replace(headers, OFFSET, Long.toString(record.offset()));
        return headers;
    }

    private static void replace(Headers headers, String key, String value) {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
