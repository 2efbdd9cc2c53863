package dev.panorama.journeys.demo;

import dev.panorama.events.channel.ChannelMessage;
import dev.panorama.events.source.SourceRecord;
import dev.panorama.journeys.client.BackOfficeFeed;
import dev.panorama.journeys.client.Caller;
import dev.panorama.journeys.demo.DemoData.Fact;
import java.time.Duration;
import java.util.Set;

/**
 * Sends a demo world in through the real ways in: master records and business facts as back-office systems publish
 * them (Kafka), contacts as channel adapters post them through the gateway. Agents and their skills are for
 * routing-service, which has no API to load them into yet; {@link #load} reports how many it left out.
 */
public final class DemoLoader {

    private static final int MAX_ATTEMPTS = 6;
    private static final Set<Integer> BUSY = Set.of(429, 502, 503, 504);

    private final BackOfficeFeed backOffice;
    private final Caller channelAdapter;

    public DemoLoader(BackOfficeFeed backOffice, Caller channelAdapter) {
        this.backOffice = backOffice;
        this.channelAdapter = channelAdapter;
    }

    /** What was sent. */
    public record Loaded(int records, int facts, int interactions, int agentsNotLoaded) {
    }

    /**
     * Posts one contact as an adapter does: a busy suite (429, 502, 503, 504) is asked again after a pause, which is
     * safe because a contact is idempotent on its source message id (a retry of a stored one answers 200).
     */
    private void send(ChannelMessage contact) {
        int status = 0;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            status = channelAdapter.post("/api/v1/interactions", contact).status();
            if (status == 201 || status == 200) {
                return;
            }
            if (!BUSY.contains(status)) {
                break;
            }
            pause(Duration.ofSeconds(attempt * 2L));
        }
        throw new IllegalStateException("the gateway refused demo contact " + contact.sourceMessageId() + ": HTTP " + status);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Loaded load(DemoData data) {
        for (SourceRecord record : data.records()) {
            backOffice.publish(record.sourceSystem() + ":" + record.sourceId(), record);
        }
        for (Fact fact : data.facts()) {
            backOffice.publish(fact.key(), fact.event());
        }
        for (ChannelMessage contact : data.interactions()) {
            send(contact);
        }
        return new Loaded(data.records().size(), data.facts().size(), data.interactions().size(), data.agents().size());
    }
}
