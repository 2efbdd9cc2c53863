package dev.panorama.routing.intake;

import dev.panorama.events.identity.CustomerErased;
import dev.panorama.events.identity.CustomersMerged;
import dev.panorama.routing.store.Rows;
import dev.panorama.routing.store.Transactions;
import dev.panorama.routing.tasks.TaskStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.function.Function;

/** Applies identity changes to tasks, each event once (its id is remembered in the same transaction). */
@ApplicationScoped
public class IdentityFollower {

    private final Transactions transactions;
    private final TaskStore tasks;
    private final Clock clock;

    public IdentityFollower(Transactions transactions, TaskStore tasks, Clock clock) {
        this.transactions = transactions;
        this.tasks = tasks;
        this.clock = clock;
    }

    public Uni<Void> merged(String eventId, CustomersMerged merged) {
        return once(eventId, connection -> tasks.rekeyCustomers(connection, merged.mergedIds(), merged.survivorId()));
    }

    public Uni<Void> erased(String eventId, CustomerErased erased) {
        return once(eventId, connection -> tasks.forgetCustomer(connection, erased.customerId()));
    }

    private Uni<Void> once(String eventId, Function<SqlConnection, Uni<Integer>> apply) {
        return transactions.inTransaction(connection -> connection.preparedQuery(
                        "insert into applied_event (id, applied_at) values ($1, $2) on conflict (id) do nothing")
                .execute(Tuple.of(eventId, Rows.at(clock.instant())))
                .chain(rows -> rows.rowCount() == 0 ? Uni.createFrom().item(0) : apply.apply(connection))
                .replaceWithVoid());
    }
}
