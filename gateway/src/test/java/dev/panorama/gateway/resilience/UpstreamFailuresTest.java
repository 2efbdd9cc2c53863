package dev.panorama.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UpstreamFailuresTest {

    @Test
    void a503WithRetryAfterIsAnUpstreamSheddingLoadNotAFailure() {
        assertThat(UpstreamFailures.isFailure(503, "1")).isFalse(); // profile-service, read-audit backlog full
        assertThat(UpstreamFailures.isFailure(503, " 120 ")).isFalse();
        assertThat(UpstreamFailures.isFailure(503, "Wed, 21 Oct 2026 07:28:00 GMT")).isFalse();
    }

    @Test
    void a503WithoutAUsableRetryAfterIsAFailure() {
        assertThat(UpstreamFailures.isFailure(503, null)).isTrue();
        assertThat(UpstreamFailures.isFailure(503, "")).isTrue();
        assertThat(UpstreamFailures.isFailure(503, "soon")).isTrue();
        assertThat(UpstreamFailures.isFailure(503, "-1")).isTrue();
        assertThat(UpstreamFailures.isFailure(503, "1.5")).isTrue();
    }

    @Test
    void badGatewayAndGatewayTimeoutAreFailuresEvenWithRetryAfter() {
        assertThat(UpstreamFailures.isFailure(502, null)).isTrue();
        assertThat(UpstreamFailures.isFailure(502, "1")).isTrue();
        assertThat(UpstreamFailures.isFailure(504, null)).isTrue();
        assertThat(UpstreamFailures.isFailure(504, "1")).isTrue();
    }

    @Test
    void otherAnswersAreTheUpstreamAnswering() {
        assertThat(UpstreamFailures.isFailure(200, null)).isFalse();
        assertThat(UpstreamFailures.isFailure(404, null)).isFalse();
        assertThat(UpstreamFailures.isFailure(429, "1")).isFalse();
    }
}
