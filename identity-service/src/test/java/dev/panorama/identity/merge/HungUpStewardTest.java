package dev.panorama.identity.merge;

import static dev.panorama.identity.merge.StewardshipApi.customer;
import static dev.panorama.identity.merge.StewardshipApi.storeNew;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.panorama.devstack.test.KeycloakTokens;
import dev.panorama.identity.foundation.Jdbc;
import dev.panorama.identity.review.StewardshipPeople;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A steward's change runs to its end even if the steward's client hangs up while it waits: cancelled half-way, its
 * transaction kept the customers' locks, and every later resolution or change touching them waited.
 */
@QuarkusTest
class HungUpStewardTest {

    private final StewardshipPeople people = new StewardshipPeople(UUID.randomUUID().getMostSignificantBits());

    @TestHTTPResource("/")
    URL service;

    @Test
    void aMergeWhoseStewardHungUpWhileItWaitedIsStillMadeAndLeavesNoLockBehind() throws Exception {
        LocalDate birth = people.birthDate(); // one birthday: no merge protection between them
        String survivor = storeNew(people.loner("crm", "HU1", birth, null));
        String merged = storeNew(people.loner("crm", "HU2", birth, null));
        try (Connection holder = Jdbc.connect()) {
            holder.setAutoCommit(false);
            lock(holder, merged, "");
            try (Socket steward = new Socket(service.getHost(), service.getPort())) {
                send(steward, "{\"survivorId\":\"" + survivor + "\",\"mergedIds\":[\"" + merged + "\"],\"reason\":\"hung up\"}");
                await().atMost(Duration.ofSeconds(30)).until(this::aSessionWaitsForALock);
            }
            Thread.sleep(1_000); // the service sees the connection closed while the merge still waits
            holder.rollback();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> customer(merged).body("status", equalTo("MERGED"))
                .body("mergedInto", equalTo(survivor)));
        try (Connection other = Jdbc.connect()) {
            other.setAutoCommit(false);
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> lock(other, merged, " nowait"));
            other.rollback();
        }
    }

    private void send(Socket steward, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/v1/identity/merges HTTP/1.1\r\nHost: " + service.getHost() + ":" + service.getPort()
                + "\r\nAuthorization: Bearer " + KeycloakTokens.forUser("dana") + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + bytes.length + "\r\n\r\n";
        OutputStream out = steward.getOutputStream();
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
    }

    private static boolean lock(Connection connection, String customer, String how) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select id from customer where id = ? for update" + how)) {
            lock.setObject(1, UUID.fromString(customer));
            lock.executeQuery().close();
            return true;
        }
    }

    /** Asked on a connection of its own: a transaction sees pg_stat_activity as it was when it first read it. */
    private boolean aSessionWaitsForALock() throws SQLException {
        try (Connection connection = Jdbc.connect();
                PreparedStatement query = connection.prepareStatement("select count(*) from pg_stat_activity"
                        + " where datname = current_database() and wait_event_type = 'Lock'");
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getInt(1) > 0;
        }
    }
}
