package dev.panorama.journeys.demo;

import dev.panorama.events.channel.ChannelMessage;
import dev.panorama.events.source.SourceRecord;
import dev.panorama.journeys.client.BackOfficeFeed;
import dev.panorama.journeys.client.Caller;
import dev.panorama.journeys.demo.DemoData.Fact;

/**
 * Sends a demo world in through the real ways in: master records and business facts as back-office systems publish
 * them (Kafka), contacts as channel adapters post them through the gateway. Agents and their skills are for
 * routing-service, which has no API to load them into yet; {@link #load} reports how many it left out.
 */
public final class DemoLoader {

    private final BackOfficeFeed backOffice;
    private final Caller channelAdapter;

    public DemoLoader(BackOfficeFeed backOffice, Caller channelAdapter) {
        this.backOffice = backOffice;
        this.channelAdapter = channelAdapter;
    }

    /** What was sent. */
    public record Loaded(int records, int facts, int interactions, int agentsNotLoaded) {
    }

    public Loaded load(DemoData data) {
        for (SourceRecord record : data.records()) {
            backOffice.publish(record.sourceSystem() + ":" + record.sourceId(), record);
        }
        for (Fact fact : data.facts()) {
            backOffice.publish(fact.key(), fact.event());
        }
        for (ChannelMessage contact : data.interactions()) {
            int status = channelAdapter.post("/api/v1/interactions", contact).status();
            if (status != 201 && status != 200) {
                throw new IllegalStateException("the gateway refused demo contact " + contact.sourceMessageId() + ": HTTP " + status);
            }
        }
        return new Loaded(data.records().size(), data.facts().size(), data.interactions().size(), data.agents().size());
    }
}
