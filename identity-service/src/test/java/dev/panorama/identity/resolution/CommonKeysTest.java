package dev.panorama.identity.resolution;

import static dev.panorama.identity.merge.StewardshipApi.store;
import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.identity.foundation.Jdbc;
import dev.panorama.identity.matching.Resolver;
import dev.panorama.identity.review.StewardshipPeople;
import dev.panorama.identity.review.StewardshipPeople.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A blocking key shared by more records than a block holds brings no candidates, so a resolution does not lock it:
 * records that share only such keys (one surname in one town) are resolved side by side, not one after another.
 */
@QuarkusTest
class CommonKeysTest {

    private final StewardshipPeople people = new StewardshipPeople(UUID.randomUUID().getMostSignificantBits());

    @Inject
    FullBlocks fullBlocks;

    @Test
    void aResolutionDoesNotWaitForAKeyTooCommonToBringCandidates() throws Exception {
        String family = "Common" + people.tag();
        String locality = "Town" + people.tag();
        String lastId = null;
        for (int i = 0; i <= Resolver.MAX_BLOCK_SIZE; i++) {
            lastId = store(neighbour(family, locality, "CK" + i)).statusCode(201).extract().path("recordId");
        }
        try (Connection holder = Jdbc.connect();
                ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            String common = commonKeyOf(holder, UUID.fromString(lastId));
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                lock.setString(1, common);
                lock.execute();
            }
            Person late = neighbour(family, locality, "CK-late");
            CompletableFuture<ExtractableResponse<Response>> stored = CompletableFuture.supplyAsync(() -> store(late).extract(), callers);
            try {
                // answered while the test still holds the common key's lock
                assertThat(stored.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
            } finally {
                holder.rollback();
            }
        }
    }

    @Test
    void aKeySeenTooCommonIsRememberedAndNotCountedAgainForTheNextRecords() throws Exception {
        String family = "Counted" + people.tag();
        String locality = "Town" + people.tag();
        String lastId = null;
        for (int i = 0; i <= Resolver.MAX_BLOCK_SIZE + 1; i++) {
            lastId = store(neighbour(family, locality, "CC" + i)).statusCode(201).extract().path("recordId");
        }
        try (Connection connection = Jdbc.connect()) {
            String common = commonKeyOf(connection, UUID.fromString(lastId));

            assertThat(fullBlocks.toCount(Set.of(common))).as("remembered once its block was counted over the cap").isEmpty();
        }
    }

    /** Someone of their own, but for the family name and the town, which all of them share. */
    private Person neighbour(String family, String locality, String label) {
        Person own = people.loner("crm", label, people.birthDate(), null);
        return new Person(own.system(), own.id(), own.given(), family, own.birth(), own.email(), own.phone(), own.street(),
                locality, own.postcode(), own.identifiers());
    }

    /** The one key of this record that more records share than a block holds. */
    private static String commonKeyOf(Connection connection, UUID recordId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select k.key from source_record r cross join unnest(r.blocking_keys) k(key)"
                + " where r.id = ? and (select count(*) from blocking_key o where o.key = k.key) > ?")) {
            query.setObject(1, recordId);
            query.setInt(2, Resolver.MAX_BLOCK_SIZE);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).as("a key shared by more than a block").isTrue();
                String key = rows.getString(1);
                assertThat(rows.next()).as("only one such key").isFalse();
                return key;
            }
        }
    }
}
