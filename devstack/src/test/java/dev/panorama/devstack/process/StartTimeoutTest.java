package dev.panorama.devstack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartTimeoutTest {

    private static final Duration KEYCLOAK_DEFAULT = Duration.ofMinutes(3);

    @Test
    void a_longer_configured_timeout_replaces_the_default() {
        assertThat(StartTimeout.atLeast(KEYCLOAK_DEFAULT, Map.of(StartTimeout.PROPERTY, "10m")::get))
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(StartTimeout.atLeast(KEYCLOAK_DEFAULT, Map.of(StartTimeout.PROPERTY, "600s")::get))
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(StartTimeout.atLeast(KEYCLOAK_DEFAULT, Map.of("PANORAMA_DEVSTACK_START_TIMEOUT", "PT7M")::get))
                .isEqualTo(Duration.ofMinutes(7));
    }

    @Test
    void a_shorter_or_missing_one_keeps_the_servers_own_default() {
        assertThat(StartTimeout.atLeast(KEYCLOAK_DEFAULT, Map.of(StartTimeout.PROPERTY, "30s")::get)).isEqualTo(KEYCLOAK_DEFAULT);
        assertThat(StartTimeout.atLeast(KEYCLOAK_DEFAULT, Map.<String, String>of()::get)).isEqualTo(KEYCLOAK_DEFAULT);
    }

    @Test
    void nonsense_is_refused_with_the_property_named() {
        assertThatThrownBy(() -> StartTimeout.parse("soon")).hasMessageContaining(StartTimeout.PROPERTY);
    }
}
