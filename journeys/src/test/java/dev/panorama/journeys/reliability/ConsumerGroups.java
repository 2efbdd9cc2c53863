package dev.panorama.journeys.reliability;

import dev.panorama.devstack.test.ConsumerInstances;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/** Who consumes what: the members of a consumer group, the partitions of a topic each holds, and the offsets committed. */
final class ConsumerGroups implements AutoCloseable {

    private final Admin admin;

    ConsumerGroups(String bootstrapServers) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = Admin.create(config);
    }

    /** Each instance of the group's application holding partitions of the topic, with how many it holds. */
    Map<String, Integer> partitionsByInstance(String group, String topic) {
        return assignment(group, topic).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().size()));
    }

    /**
     * The partitions of the topic each instance of the group's application holds, for the instances holding any (a group
     * may read several topics); an instance may hold them through several members ({@link ConsumerInstances}).
     */
    Map<String, List<TopicPartition>> assignment(String group, String topic) {
        ConsumerGroupDescription description = await(admin.describeConsumerGroups(Set.of(group)).all()).get(group);
        Map<String, List<TopicPartition>> byInstance = new TreeMap<>();
        for (MemberDescription member : description.members()) {
            List<TopicPartition> held = member.assignment().topicPartitions().stream()
                    .filter(partition -> partition.topic().equals(topic)).toList();
            if (!held.isEmpty()) {
                byInstance.computeIfAbsent(ConsumerInstances.of(member), instance -> new ArrayList<>()).addAll(held);
            }
        }
        return byInstance;
    }

    /** The group's committed offset of each partition of the topic. */
    Map<TopicPartition, Long> committed(String group, String topic) {
        Map<TopicPartition, OffsetAndMetadata> offsets = await(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        Map<TopicPartition, Long> committed = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (partition.topic().equals(topic) && offset != null) {
                committed.put(partition, offset.offset());
            }
        });
        return committed;
    }

    private static <T> T await(KafkaFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the Kafka admin client got no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
