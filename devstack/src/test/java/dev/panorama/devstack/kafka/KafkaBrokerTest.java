package dev.panorama.devstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    @Test
    void the_broker_compiles_with_c1_alone_unless_configured() {
        assertThat(KafkaBroker.jvmOptions(Map.<String, String>of()::get)).containsExactly("-XX:+UseG1GC", "-XX:TieredStopAtLevel=1");
        assertThat(KafkaBroker.jvmOptions(Map.of(KafkaBroker.JVM_OPTIONS_VARIABLE, " -XX:+UseG1GC ")::get))
                .containsExactly("-XX:+UseG1GC");
        assertThat(KafkaBroker.jvmOptions(Map.of(KafkaBroker.JVM_OPTIONS_PROPERTY, "-XX:+UseParallelGC",
                KafkaBroker.JVM_OPTIONS_VARIABLE, "-XX:+UseG1GC")::get)).containsExactly("-XX:+UseParallelGC");
    }

    @Test
    void jvm_options_other_than_xx_and_xlog_are_refused() {
        assertThatThrownBy(() -> KafkaBroker.jvmOptions(Map.of(KafkaBroker.JVM_OPTIONS_PROPERTY, "-Xmx8g")::get))
                .hasMessageContaining(KafkaBroker.JVM_OPTIONS_PROPERTY);
    }
}
