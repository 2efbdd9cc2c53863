package dev.panorama.devstack.mongo.wire;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * {@code MongoWireMain <port> [store-file]}: serves the MongoDB wire protocol on 127.0.0.1 until
 * stopped, in memory or, given a file, persisted with the H2 backend.
 */
public final class MongoWireMain {

    private MongoWireMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        MongoBackend backend = args.length > 1 ? new H2Backend(args[1]) : new SnapshotMemoryBackend();
        // the MongoDB Java driver of the Quarkus platform needs wire version 8 or newer
        backend.version(ServerVersion.MONGO_5_0);
        MongoServer server = new MongoServer(backend);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "mongo-wire-stop"));
        server.bind("127.0.0.1", port);
        System.out.println("MongoDB wire protocol on 127.0.0.1:" + port);
        Thread.currentThread().join();
    }
}
