package dev.panorama.devstack.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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

    @Test
    void the_collector_is_g1_unless_configured() {
        assertThat(MongoWireServer.jvmOptions(Map.<String, String>of()::get)).containsExactly("-XX:+UseG1GC");
        assertThat(MongoWireServer.jvmOptions(Map.of(MongoWireServer.JVM_OPTIONS_VARIABLE, " -XX:+UseZGC  -Xlog:gc ")::get))
                .isEqualTo(List.of("-XX:+UseZGC", "-Xlog:gc"));
        assertThat(MongoWireServer.jvmOptions(Map.of(MongoWireServer.JVM_OPTIONS_PROPERTY, "-XX:+UseSerialGC",
                MongoWireServer.JVM_OPTIONS_VARIABLE, "-XX:+UseZGC")::get)).containsExactly("-XX:+UseSerialGC");
    }

    @Test
    void jvm_options_other_than_xx_and_xlog_are_refused() {
        assertThatThrownBy(() -> MongoWireServer.jvmOptions(Map.of(MongoWireServer.JVM_OPTIONS_PROPERTY, "-cp /tmp")::get))
                .hasMessageContaining(MongoWireServer.JVM_OPTIONS_PROPERTY);
    }
}
