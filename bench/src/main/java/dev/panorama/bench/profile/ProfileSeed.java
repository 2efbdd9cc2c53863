package dev.panorama.bench.profile;

import dev.panorama.events.CloudEvents;
import dev.panorama.events.EventJson;
import dev.panorama.events.EventType;
import dev.panorama.events.Topics;
import dev.panorama.events.channel.Channel;
import dev.panorama.events.channel.Direction;
import dev.panorama.events.interaction.InteractionLogged;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** A customer's profile built the way production builds it: contact events on Kafka, folded by profile-service. */
public final class ProfileSeed {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<Channel> CHANNELS = List.of(Channel.EMAIL, Channel.CHAT, Channel.PHONE, Channel.WEB);

    private ProfileSeed() {
    }

    /** Sends a few contacts of a new customer and waits until profile-service shows all of them. */
    public static UUID seed(String bootstrap, String profileServiceBase, String token) throws Exception {
        UUID customer = UUID.randomUUID();
        int contacts = 12;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties(bootstrap))) {
            for (int i = 0; i < contacts; i++) {
                InteractionLogged contact = new InteractionLogged(UUID.randomUUID(), customer, null, CHANNELS.get(i % CHANNELS.size()),
                        Direction.INBOUND, Instant.now(), "bench", "seed-" + i, false, null, List.of(), null, 1);
                ProducerRecord<String, String> record = new ProducerRecord<>(Topics.INTERACTIONS, customer.toString(),
                        EventJson.mapper().writeValueAsString(contact));
                CloudEvents.kafkaHeaders(CloudEvents.envelope(EventType.INTERACTION_LOGGED, "/bench", customer.toString(), Instant.now()))
                        .forEach(header -> record.headers().add(header));
                producer.send(record);
            }
            producer.flush();
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!showsAll(profileServiceBase, token, customer, contacts)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("profile-service did not show the seeded profile within 2 minutes");
            }
            Thread.sleep(200);
        }
        return customer;
    }

    private static boolean showsAll(String base, String token, UUID customer, int contacts) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/profiles/" + customer))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 && EventJson.mapper().readTree(response.body()).path("interactions").path("total").asInt()
                >= contacts;
    }

    private static Properties producerProperties(String bootstrap) {
        Properties properties = new Properties();
        properties.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        return properties;
    }
}
