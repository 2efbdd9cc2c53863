package dev.panorama.journeys.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;

/** Who consumes what: the members of a consumer group and the partitions of a topic each holds; records consumed. */
final class ConsumerGroups implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Admin admin;

    ConsumerGroups(String bootstrapServers) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = Admin.create(config);
    }

    /** Each member of the group holding partitions of the topic, with how many it holds. */
    Map<String, Integer> partitionsByMember(String group, String topic) {
        try {
            ConsumerGroupDescription description = admin.describeConsumerGroups(Set.of(group)).all().get(30, TimeUnit.SECONDS)
                    .get(group);
            return description.members().stream()
                    .collect(Collectors.toMap(MemberDescription::consumerId, member -> (int) member.assignment().topicPartitions()
                            .stream().filter(partition -> partition.topic().equals(topic)).count()))
                    .entrySet().stream().filter(entry -> entry.getValue() > 0)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe consumer group " + group, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Records of the topic an application instance's Kafka consumers have consumed since it started, from its Prometheus
     * metrics (the Kafka client's {@code records-consumed-total}).
     */
    static double recordsConsumed(String baseUrl, String topic) {
        String text;
        try {
            text = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/metrics")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("no metrics at " + baseUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        // the Kafka client reports each topic twice, as named and with dots as underscores: the name is counted
        String tag = "topic=\"" + topic + "\"";
        return text.lines().filter(line -> line.startsWith("kafka_consumer_fetch_manager_records_consumed_total{"))
                .filter(line -> line.contains(tag))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Override
    public void close() {
        admin.close();
    }
}
