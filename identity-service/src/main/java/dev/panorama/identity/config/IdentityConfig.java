package dev.panorama.identity.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Everything an operator can tune in identity resolution, with the defaults a new installation starts from. */
@ConfigMapping(prefix = "panorama.identity")
public interface IdentityConfig {

    /** Normalisation and matching. */
    Matching matching();

    /** Estimating the match model from the stored data. */
    Training training();

    /** Which value of each attribute the golden record shows. */
    Golden golden();

    /** Caller verification. */
    Verification verification();

    /** Bulk imports of source records from uploaded files. */
    Imports imports();

    /** PostgreSQL's first analysis of resolution's tables on a new store. */
    FirstAnalysis firstAnalysis();

    interface Matching {

        /** Region assumed for phone numbers written without a country code (ISO 3166 alpha-2). */
        @WithDefault("GB")
        String defaultPhoneRegion();

        /**
         * Identifier types that belong to one customer only: an exact match on one links at once (within
         * merge protection), two different values of one type never merge. Other types (a household email,
         * a shared phone) are compared but never link on their own.
         */
        @WithDefault("national-id,account-number,customer-number,passport,tax-id")
        Set<String> uniqueIdentifierTypes();

        /** How each email provider treats the local part of its addresses, by domain. */
        Map<String, EmailProvider> emailProviders();
    }

    interface EmailProvider {

        /** The provider ignores dots in the local part (jo.smith@ is josmith@). */
        @WithDefault("false")
        boolean ignoresDots();

        /** The provider ignores a +tag in the local part (jo+shop@ is jo@). */
        @WithDefault("true")
        boolean ignoresPlusTags();

        /** The domain this one is an alias of (googlemail.com for gmail.com); the domain itself when absent. */
        java.util.Optional<String> canonicalDomain();
    }

    interface Training {

        /** Whether the schedule trains at all (POST /model/train always can). */
        @WithDefault("true")
        boolean scheduled();

        /** How long after the newest version, activated or not, the schedule estimates a new one. */
        @WithDefault("24h")
        Duration every();

        /**
         * While the priors are the newest version, the schedule estimates one as soon as the store holds this many current
         * records, rather than a day after it started (a first bulk load is matched on what it teaches).
         */
        @WithDefault("10000")
        long firstAtRecords();

        /**
         * The schedule also estimates a new version once the store holds this many times the current records the newest
         * version was estimated among; 0 (or anything up to 1) leaves it to {@link #every()}.
         */
        @WithDefault("2")
        double grownBy();

        /** Candidate pairs sampled for one estimation. */
        @WithDefault("20000")
        int samplePairs();

        /** Fewer candidate pairs than this say too little: training is refused. */
        @WithDefault("1000")
        int minimumPairs();

        /**
         * EM iterations at most (each costs milliseconds); a model whose probabilities have not settled within 0.0001
         * by then is stored but not activated.
         */
        @WithDefault("500")
        int maxIterations();

        /** How many pairs' worth of evidence the priors count for, so a small sample cannot swing the model. */
        @WithDefault("1000")
        double priorStrength();
    }

    interface Golden {

        /** Source systems from the most trusted to the least; unlisted systems rank after them. */
        @WithDefault("crm,core-banking,billing")
        List<String> sourceTrust();

        /**
         * The survivorship rule per attribute (name, birth-date, email, phone, address): most-trusted-source,
         * most-recent or most-frequent. Attributes not listed use {@link #defaultRule()}.
         */
        @WithName("rule")
        Map<String, String> rules();

        /** The rule for attributes without one of their own. */
        @WithDefault("most-trusted-source")
        String defaultRule();
    }

    interface Verification {

        /** Failed attempts in a row, or wrong answers in a row to one factor, after which a customer's verification is locked. */
        @WithDefault("3")
        int maxFailures();

        /** How long a lockout lasts. */
        @WithDefault("15m")
        Duration lockout();

        /** Cost of the Argon2id hash of each factor; raising it applies to factors set from then on. */
        Argon2 argon2();
    }

    /** Defaults are OWASP's minimum for Argon2id (19 MiB, 2 passes, 1 lane); raise them as hardware allows. */
    interface Argon2 {

        /** Memory per hash in KiB. */
        @WithDefault("19456")
        int memoryKib();

        /** Passes over the memory. */
        @WithDefault("2")
        int iterations();

        /** Lanes computed in parallel. */
        @WithDefault("1")
        int parallelism();

        /**
         * Hashes computed at once; each holds its memory while it runs, so this bounds the heap they take.
         * Absent: one per available processor.
         */
        java.util.Optional<Integer> threads();
    }

    interface Imports {

        /** Rows between two saves of a job's progress (and two nudges of the outbox relay). */
        @WithDefault("200")
        int batchSize();

        /** Entries kept in one job's error report; rows refused beyond it are counted but not described. */
        @WithDefault("10000")
        int maxReportedErrors();

        /**
         * The largest file an import accepts. Also set {@code quarkus.http.limits.max-body-size} at least this
         * high; every other request stays within {@link #maxOtherBodySize()}.
         */
        @WithDefault("1G")
        MemorySize maxUploadSize();

        /** The largest body any other request of the service accepts (the platform's usual limit). */
        @WithDefault("10M")
        MemorySize maxOtherBodySize();

        /** Where uploads wait while they are imported; the system's temporary directory when absent. */
        Optional<Path> spoolDirectory();

        /** How often the process running a job says it is still at it. */
        @WithDefault("30s")
        Duration heartbeat();

        /** A job unfinished and silent this long was left by a stopped process: it is marked INTERRUPTED. */
        @WithDefault("2m")
        Duration staleAfter();
    }

    interface FirstAnalysis {

        /** Rows written to a never analysed table after which the service has PostgreSQL analyse it; 0 never does. */
        @WithDefault("1000")
        long rows();
    }
}
