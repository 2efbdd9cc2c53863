package dev.panorama.journeys.suite;

import dev.panorama.devstack.suite.LocalSuite;
import dev.panorama.journeys.client.BackOfficeFeed;
import dev.panorama.journeys.client.Caller;
import dev.panorama.journeys.client.Tokens;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running suite as its users reach it: people and systems call the gateway with their real Keycloak
 * tokens; back-office systems also publish to their Kafka topics, as the design doc lets them.
 */
public final class Panorama implements AutoCloseable {

    private final LocalSuite suite;
    private final Map<String, Caller> callers = new ConcurrentHashMap<>();
    private volatile BackOfficeFeed backOffice;

    Panorama(LocalSuite suite) {
        this.suite = suite;
    }

    /** A demo user of the realm (alice and ben agents, sam supervisor, ada admin, dana data-steward, carl customer). */
    public Caller user(String username) {
        return callers.computeIfAbsent("user:" + username,
                key -> new Caller(suite.gatewayUrl(), Tokens.forUser(issuer(), username)));
    }

    /** A confidential client with its service account (channel-adapter, backoffice-system, panorama-service). */
    public Caller client(String clientId) {
        return callers.computeIfAbsent("client:" + clientId,
                key -> new Caller(suite.gatewayUrl(), Tokens.forClient(issuer(), clientId)));
    }

    /** What back-office systems publish on panorama.source-records and panorama.backoffice.events. */
    public synchronized BackOfficeFeed backOffice() {
        if (backOffice == null) {
            backOffice = new BackOfficeFeed(suite.stack().kafka().bootstrapServers(), "journeys");
        }
        return backOffice;
    }

    public String gatewayUrl() {
        return suite.gatewayUrl();
    }

    public String issuer() {
        return suite.stack().keycloak().issuer();
    }

    public String kafkaBootstrapServers() {
        return suite.stack().kafka().bootstrapServers();
    }

    /**
     * Another instance of a service on a free port, in the same consumer groups and over the same store (scale-out);
     * close it to stop it.
     */
    public LocalSuite.ServiceInstance startInstance(String service) {
        return suite.startInstance(service);
    }

    /** The address of a service's first instance (not through the gateway): for its metrics and health. */
    public String serviceUrl(String service) {
        return suite.service(service).orElseThrow().baseUrl();
    }

    /** A JDBC connection to a service's PostgreSQL database (identity, routing), to check what is stored. */
    public Connection postgres(String database) throws SQLException {
        return suite.stack().postgres().connect(database);
    }

    /** The MongoDB connection string of the interaction and profile stores, to check what is stored. */
    public String mongoConnectionString() {
        return suite.stack().mongo().connectionString();
    }

    /** The directory with every service's, the gateway's and every server's log. */
    public Path logDir() {
        return suite.logDir();
    }

    @Override
    public synchronized void close() {
        if (backOffice != null) {
            backOffice.close();
        }
    }
}
