package dev.panorama.devstack.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MongoWireServerTest {

    @Test
    void the_heap_is_one_gigabyte_unless_configured() {
        assertThat(MongoWireServer.heap(Map.<String, String>of()::get)).isEqualTo("1g");
        assertThat(MongoWireServer.heap(Map.of(MongoWireServer.HEAP_VARIABLE, "6g")::get)).isEqualTo("6g");
        assertThat(MongoWireServer.heap(Map.of(MongoWireServer.HEAP_PROPERTY, " 8192m ", MongoWireServer.HEAP_VARIABLE, "6g")::get))
                .isEqualTo("8192m");
    }

    @Test
    void nonsense_is_refused_with_the_setting_named() {
        assertThatThrownBy(() -> MongoWireServer.heap(Map.of(MongoWireServer.HEAP_PROPERTY, "lots")::get))
                .hasMessageContaining(MongoWireServer.HEAP_PROPERTY);
    }
}
