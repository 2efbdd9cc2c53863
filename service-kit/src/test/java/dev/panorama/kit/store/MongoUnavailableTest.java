package dev.panorama.kit.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

class MongoUnavailableTest {

    private static final ServerAddress SERVER = new ServerAddress("127.0.0.1", 27017);

    @Test
    void a_server_out_of_reach_or_without_a_primary_is_unavailable() {
        assertThat(MongoUnavailable.is(new MongoSocketOpenException("Exception opening socket", SERVER, new ConnectException("refused"))))
                .isTrue();
        assertThat(MongoUnavailable.is(new MongoSocketReadException("Prematurely reached end of stream", SERVER))).isTrue();
        assertThat(MongoUnavailable.is(new MongoTimeoutException("Timed out while waiting for a server that matches WritableServerSelector")))
                .isTrue();
        assertThat(MongoUnavailable.is(new MongoNotPrimaryException(new BsonDocument("code", new BsonInt32(10107)), SERVER))).isTrue();
        MongoException shuttingDown = new MongoException(91, "interrupted at shutdown");
        shuttingDown.addLabel("RetryableWriteError");
        assertThat(MongoUnavailable.is(shuttingDown)).isTrue();
        assertThat(MongoUnavailable.is(new CompletionException(new MongoTimeoutException("wrapped")))).isTrue();
    }

    @Test
    void bad_data_and_refused_writes_are_not_unavailability() {
        assertThat(MongoUnavailable.is(new IllegalArgumentException("not a panorama.identity.CustomersMerged.v1"))).isFalse();
        assertThat(MongoUnavailable.is(new MongoWriteException(new WriteError(11000, "E11000 duplicate key error", new BsonDocument()),
                SERVER, List.of()))).isFalse();
        assertThat(MongoUnavailable.is(new MongoCommandException(new BsonDocument("ok", new BsonInt32(0)).append("code", new BsonInt32(2))
                .append("errmsg", new BsonString("unknown operator: $bad")), SERVER))).isFalse();
        assertThat(MongoUnavailable.is(new MongoException("document too large"))).isFalse();
    }
}
