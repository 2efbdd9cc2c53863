package dev.panorama.devstack.mongo.wire;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import java.net.InetSocketAddress;

/** The devstack server's backend in this JVM on a free loopback port, with a driver connected to it. */
final class WireServer implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;

    WireServer() {
        SnapshotMemoryBackend backend = new SnapshotMemoryBackend();
        backend.version(ServerVersion.MONGO_5_0);
        server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }

    MongoDatabase database(String name) {
        return client.getDatabase(name);
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
