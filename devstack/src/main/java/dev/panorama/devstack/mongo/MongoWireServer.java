package dev.panorama.devstack.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Path;
import java.util.Map;

/**
 * A MongoDB wire-protocol server (mongo-java-server) inside the devstack JVM, or an external MongoDB.
 *
 * <p>It has no change streams, no multi-document transactions and ignores TTL and non-unique
 * indexes; the services are written not to need them.
 */
public final class MongoWireServer implements AutoCloseable {

    private final String connectionString;
    private final MongoServer server;

    private MongoWireServer(String connectionString, MongoServer server) {
        this.connectionString = connectionString;
        this.server = server;
    }

    public static MongoWireServer external(String connectionString) {
        return new MongoWireServer(connectionString, null);
    }

    /**
     * Starts a server on 127.0.0.1.
     *
     * @param storeFile where data survives restarts, or null to keep it in memory only
     */
    public static MongoWireServer start(int port, Path storeFile) {
        MongoBackend backend = storeFile == null ? new MemoryBackend() : new H2Backend(storeFile.toString());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        return new MongoWireServer("mongodb://127.0.0.1:" + server.getLocalAddress().getPort(), server);
    }

    public String connectionString() {
        return connectionString;
    }

    public Map<String, String> quarkusConfig(String database) {
        return Map.of("quarkus.mongodb.connection-string", connectionString, "quarkus.mongodb.database", database);
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdownNow();
        }
    }
}
