package dev.panorama.identity.resolution;

import static dev.panorama.identity.merge.StewardshipApi.store;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.devstack.test.KeycloakTokens;
import dev.panorama.identity.foundation.Jdbc;
import dev.panorama.identity.matching.BlockingKeys;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A blocking key shared by more records than a block holds brings no candidates, so a resolution does not lock it:
 * records that share only such keys (one surname in one town) are resolved side by side, not one after another. Nor
 * are later records added to its block, but for the keys lookups read (an e-mail, a phone number, an identifier).
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
        List<String> ids = storeNeighbours(family, locality, "CK", Resolver.MAX_BLOCK_SIZE + 1);
        try (Connection holder = Jdbc.connect();
                ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            String common = commonKeyOf(holder, UUID.fromString(ids.getLast()));
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
        List<String> ids = storeNeighbours(family, locality, "CC", Resolver.MAX_BLOCK_SIZE + 2);
        try (Connection connection = Jdbc.connect()) {
            String common = commonKeyOf(connection, UUID.fromString(ids.get(Resolver.MAX_BLOCK_SIZE)));

            assertThat(fullBlocks.toCount(Set.of(common))).as("remembered once its block was counted over the cap").isEmpty();
        }
    }

    @Test
    void aRecordArrivingOnceItsBlockIsOverTheCapIsNotAddedToIt() throws Exception {
        String family = "Closed" + people.tag();
        String locality = "Town" + people.tag();
        List<String> ids = storeNeighbours(family, locality, "CL", Resolver.MAX_BLOCK_SIZE + 3);
        try (Connection connection = Jdbc.connect()) {
            String common = commonKeyOf(connection, UUID.fromString(ids.get(Resolver.MAX_BLOCK_SIZE)));
            for (String late : ids.subList(Resolver.MAX_BLOCK_SIZE + 1, ids.size())) {
                assertThat(indexedKeysOf(connection, UUID.fromString(late))).as("its other keys")
                        .contains(BlockingKeys.PHONE + neighbourPhone(connection, UUID.fromString(late)))
                        .doesNotContain(common);
            }
            assertThat(blockSize(connection, common)).isEqualTo(Resolver.MAX_BLOCK_SIZE + 1);
        }
    }

    @Test
    void aLookupFindsTheCustomerOfEveryRecordCarryingAPhoneNumberSharedByMoreRecordsThanABlockHolds() {
        Person first = people.loner("crm", "SW0", people.birthDate(), null);
        List<String> customers = new ArrayList<>();
        for (int i = 0; i <= Resolver.MAX_BLOCK_SIZE + 2; i++) {
            Person own = people.loner("crm", "SW" + i, people.birthDate(), null);
            Person atTheSwitchboard = new Person(own.system(), own.id(), own.given(), own.family(), own.birth(), own.email(),
                    first.phone(), own.street(), own.locality(), own.postcode(), own.identifiers());
            customers.add(store(atTheSwitchboard).statusCode(201).extract().path("customerId"));
        }

        List<String> found = given().auth().oauth2(KeycloakTokens.forUser("alice"))
                .queryParam("type", "phone").queryParam("value", first.phone())
                .when().get("/api/v1/identity/lookup")
                .then().statusCode(200).extract().path("customerIds");

        assertThat(found).containsAll(customers);
    }

    private List<String> storeNeighbours(String family, String locality, String label, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(store(neighbour(family, locality, label + i)).statusCode(201).extract().path("recordId"));
        }
        return ids;
    }

    /** Someone of their own, but for the family name and the town, which all of them share. */
    private Person neighbour(String family, String locality, String label) {
        Person own = people.loner("crm", label, people.birthDate(), null);
        return new Person(own.system(), own.id(), own.given(), family, own.birth(), own.email(), own.phone(), own.street(),
                locality, own.postcode(), own.identifiers());
    }

    /** The keys a record is listed under in the blocking index, from the index itself. */
    private static List<String> indexedKeysOf(Connection connection, UUID recordId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select key from blocking_key where record_id = ?")) {
            query.setObject(1, recordId);
            List<String> keys = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
            }
            return keys;
        }
    }

    /** The record's phone number as stored (E.164), which its phone key holds. */
    private static String neighbourPhone(Connection connection, UUID recordId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select normalised -> 'phones' ->> 0 from source_record where id = ?")) {
            query.setObject(1, recordId);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getString(1);
            }
        }
    }

    private static int blockSize(Connection connection, String key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select count(*) from blocking_key where key = ?")) {
            query.setString(1, key);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
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
