package dev.panorama.identity.merge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.identity.resolution.persistence.CustomerEntity;
import dev.panorama.identity.resolution.persistence.IdentityStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A customer locked for a change is as last committed, even when the session read it before the lock (a review's
 * acceptance follows both customers to their survivors first): another steward's merge committed in between shows.
 */
@QuarkusTest
class LockedCustomersTest {

    @Inject
    IdentityStore store;

    @Inject
    DataSource jdbc;

    @Test
    void aCustomerReadBeforeItsLockShowsAMergeCommittedInBetween() throws Throwable {
        UUID customer = UUID.randomUUID();
        UUID survivor = UUID.randomUUID();
        insertActive(survivor);
        insertActive(customer);

        CustomerEntity locked = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> store.customer(customer)
                .invoke(seen -> assertThat(seen.status).isEqualTo(CustomerEntity.Status.ACTIVE))
                .invoke(() -> mergeElsewhere(customer, survivor))
                .chain(() -> store.lockCustomers(List.of(customer)))
                .map(List::getFirst)));

        assertThat(locked.status).isEqualTo(CustomerEntity.Status.MERGED);
        assertThat(locked.mergedInto).isEqualTo(survivor);
    }

    private void insertActive(UUID id) throws SQLException {
        try (Connection connection = jdbc.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into customer (id, status, created_at, updated_at) values (?, 'ACTIVE', now(), now())")) {
            insert.setObject(1, id);
            insert.executeUpdate();
        }
    }

    /** Another steward's merge, committed at once on a connection of its own. */
    private void mergeElsewhere(UUID merged, UUID survivor) {
        try (Connection connection = jdbc.getConnection();
                PreparedStatement merge = connection.prepareStatement(
                        "update customer set status = 'MERGED', merged_into = ?, updated_at = now() where id = ?")) {
            merge.setObject(1, survivor);
            merge.setObject(2, merged);
            merge.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
