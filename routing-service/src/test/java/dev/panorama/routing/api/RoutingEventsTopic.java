package dev.panorama.routing.api;

import dev.panorama.devstack.test.KafkaTopics;
import dev.panorama.events.CloudEvents;
import dev.panorama.events.Topics;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads panorama.routing.events from the real broker, as a consumer service would. */
public final class RoutingEventsTopic {

    private RoutingEventsTopic() {
    }

    /** The CloudEvents types of the events whose JSON mentions {@code text}, in topic order, once there are {@code count}. */
    public static List<ConsumerRecord<String, String>> awaitMentioning(String text, int count) {
        return awaitMatching(record -> record.value() != null && record.value().contains(text), count);
    }

    public static List<ConsumerRecord<String, String>> awaitMatching(Predicate<ConsumerRecord<String, String>> wanted, int count) {
        return KafkaTopics.awaitAll(Topics.ROUTING_EVENTS, wanted, count);
    }

    public static String type(ConsumerRecord<String, String> record) {
        return CloudEvents.fromKafkaHeaders(record.headers()).type();
    }
}
