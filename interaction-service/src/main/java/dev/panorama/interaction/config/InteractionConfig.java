package dev.panorama.interaction.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Set;

/** Everything an operator can tune in interaction-service, with the defaults a new installation starts from. */
@ConfigMapping(prefix = "panorama.interaction")
public interface InteractionConfig {

    /** What an ingested contact may carry. */
    Ingest ingest();

    /** Resolving a contact's sender to a customer through identity-service. */
    Identity identity();

    /** Relaying the events kept inside interaction documents to Kafka. */
    Relay relay();

    /** Reading timelines. */
    Reading reading();

    interface Ingest {

        /** Longest text content stored, in characters; longer content is refused (400 or the DLQ). */
        @WithDefault("100000")
        int maxTextLength();

        /** Most contacts in one batch request. */
        @WithDefault("500")
        int maxBatchSize();

        /**
         * How a reply quotes a mail-out's reference number; group 1 is the reference. Used when the adapter
         * sent no campaign reference itself.
         */
        @WithDefault("(?i)\\bref(?:erence)?(?:\\s*(?:no\\.?|number))?\\s*[:#]?\\s*((?:OFR|CMP)-[A-Z0-9]{3,20})\\b")
        String offerReferencePattern();

        /** Channels on which a contact happens live: an inbound one gets the highest priority hint. */
        @WithDefault("PHONE,CHAT,VIDEO")
        Set<String> liveChannels();
    }

    interface Identity {

        /** Longest wait for one resolve call. */
        @WithDefault("2s")
        Duration timeout();

        /** Retries of a failed resolve call before the contact is stored unresolved. */
        @WithDefault("2")
        int retries();

        /** Pause between retries. */
        @WithDefault("100ms")
        Duration retryDelay();

        /** Calls the circuit breaker looks at before it may open. */
        @WithDefault("10")
        int circuitVolume();

        /** Share of failed calls among them that opens the circuit. */
        @WithDefault("0.5")
        double circuitFailureRatio();

        /** How long an open circuit refuses calls before it lets one through. */
        @WithDefault("5s")
        Duration circuitDelay();

        /** Senders whose customer is remembered. */
        @WithDefault("100000")
        long cacheSize();

        /** How long a remembered sender stays; merges, splits and erasures invalidate earlier. */
        @WithDefault("10m")
        Duration cacheTtl();

        /** Senders resolved at once within one batch. */
        @WithDefault("16")
        int concurrency();

        /** How often the reconciler retries unresolved contacts and re-keys late arrivals of merged customers. */
        @WithDefault("10s")
        Duration reconcileEvery();

        /** Unresolved contacts the reconciler takes per run. */
        @WithDefault("200")
        int reconcileBatch();
    }

    interface Relay {

        /** How often pending events a crash or a Kafka outage left behind are swept up. */
        @WithDefault("5s")
        Duration sweepEvery();

        /** Documents the sweep takes per run. */
        @WithDefault("500")
        int sweepBatch();

        /**
         * Events relayed in the background after their write answered; beyond this, a write waits for its own
         * events to be relayed, so a slow broker slows ingestion instead of piling up memory.
         */
        @WithDefault("2000")
        int maxInFlight();

        /**
         * How long an instance's relay stream stays its own without renewal (renewed with every checkpoint and sweep).
         * After a crash, another instance (or the restarted one) relays what the stream left unpublished once this has
         * passed; a clean shutdown hands the stream over at once.
         */
        @WithDefault("30s")
        Duration lease();
    }

    interface Reading {

        /** Page size when the caller names none. */
        @WithDefault("50")
        int defaultLimit();

        /** Largest page a caller may ask for. */
        @WithDefault("200")
        int maxLimit();
    }
}
