package dev.panorama.profile.rebuild;

import dev.panorama.events.IncomingEvent;
import dev.panorama.profile.folding.ProfileEvents;
import dev.panorama.profile.materialising.Delivery;
import dev.panorama.profile.materialising.ProfileMaterialiser;
import dev.panorama.profile.store.ProfileStore;
import dev.panorama.profile.store.SourceLinks;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Rebuilds every profile from the retained topics: the profiles and links are dropped, then every event retained
 * up to now is replayed through the same materialiser, a poll's batch at a time, on a thread of its own with a consumer outside the
 * service's consumer group. The live consumers keep applying new events meanwhile; since applying is idempotent
 * and order-tolerant, replay and live traffic meet in the same state.
 */
@ApplicationScoped
public class ProfileRebuild {

    private static final Logger LOG = Logger.getLogger(ProfileRebuild.class);
    static final List<String> CHANNELS = List.of("identity-events", "source-records", "backoffice-events", "interactions",
            "routing-events");

    private final ProfileStore profiles;
    private final SourceLinks links;
    private final ProfileMaterialiser materialiser;
    private final Config config;
    private final Clock clock;
    private final AtomicReference<RebuildProgress> progress = new AtomicReference<>(RebuildProgress.neverRun());

    public ProfileRebuild(ProfileStore profiles, SourceLinks links, ProfileMaterialiser materialiser, Config config, Clock clock) {
        this.profiles = profiles;
        this.links = links;
        this.materialiser = materialiser;
        this.config = config;
        this.clock = clock;
    }

    public RebuildProgress progress() {
        return progress.get();
    }

    public RebuildProgress start() {
        RebuildProgress current = progress.get();
        RebuildProgress started = new RebuildProgress(RebuildProgress.State.RUNNING, clock.instant(), null, 0, 0, 0, null);
        if (current.running() || !progress.compareAndSet(current, started)) {
            throw new RebuildRunning();
        }
        Thread.ofVirtual().name("profile-rebuild").start(this::run);
        return started;
    }

    private void run() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties())) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long total = 0;
            for (TopicPartition partition : partitions) {
                total += ends.get(partition) - consumer.position(partition);
            }
            update(total, 0, 0);
            profiles.deleteAll().chain(links::deleteAll).await().atMost(Duration.ofMinutes(5));
            replay(consumer, ends, total);
            progress.updateAndGet(p -> new RebuildProgress(RebuildProgress.State.DONE, p.startedAt(), clock.instant(), p.total(),
                    p.replayed(), p.refused(), null));
            LOG.infof("profile rebuild done: %d events replayed, %d refused", progress.get().replayed(), progress.get().refused());
        } catch (RuntimeException failure) {
            LOG.error("profile rebuild failed", failure);
            progress.updateAndGet(p -> new RebuildProgress(RebuildProgress.State.FAILED, p.startedAt(), clock.instant(), p.total(),
                    p.replayed(), p.refused(), failure.getClass().getSimpleName()));
        }
    }

    /** A poll's records at a time, applied as the live consumers apply a batch. */
    private void replay(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends, long total) {
        long replayed = 0;
        long refused = 0;
        while (!caughtUp(consumer, ends)) {
            List<Delivery> deliveries = new ArrayList<>();
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
                    continue;
                }
                try {
                    IncomingEvent incoming = IncomingEvent.read(record);
                    deliveries.add(new Delivery(incoming.id(), ProfileEvents.of(incoming.event())));
                } catch (IllegalArgumentException unreadable) {
                    refused++;
                }
                replayed++;
            }
            materialiser.applyAll(deliveries).await().atMost(Duration.ofMinutes(5));
            update(total, replayed, refused);
        }
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private void update(long total, long replayed, long refused) {
        progress.updateAndGet(p -> new RebuildProgress(RebuildProgress.State.RUNNING, p.startedAt(), null, total, replayed, refused, null));
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String channel : CHANNELS) {
            String topic = config.getValue("mp.messaging.incoming." + channel + ".topic", String.class);
            consumer.partitionsFor(topic, Duration.ofSeconds(10))
                    .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        return partitions;
    }

    private Properties consumerProperties() {
        Properties properties = new Properties();
        properties.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.getValue("kafka.bootstrap.servers", String.class),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        return properties;
    }
}
