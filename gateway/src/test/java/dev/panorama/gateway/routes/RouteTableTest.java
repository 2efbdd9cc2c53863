package dev.panorama.gateway.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private final RouteTable table = new RouteTable(List.of(
            RouteTable.Route.of("identity-service", List.of("/api/v1/identity/**")),
            RouteTable.Route.of("interaction-service", List.of("/api/v1/interactions/**", "/api/v1/customers/*/interactions/**")),
            RouteTable.Route.of("profile-service", List.of("/api/v1/customers/{id}/**"))));

    @Test
    void anOpenEndedPatternCoversItsAreaAndItsRoot() {
        assertThat(table.upstreamFor("/api/v1/identity")).contains("identity-service");
        assertThat(table.upstreamFor("/api/v1/identity/customers/1/verifications")).contains("identity-service");
        assertThat(table.upstreamFor("/api/v1/identityx")).isEmpty();
    }

    @Test
    void aOneSegmentWildcardMatchesExactlyOneSegment() {
        assertThat(table.upstreamFor("/api/v1/customers/c1/interactions")).contains("interaction-service");
        assertThat(table.upstreamFor("/api/v1/customers/c1/interactions/summary")).contains("interaction-service");
        assertThat(table.upstreamFor("/api/v1/customers/interactions")).contains("profile-service");
        assertThat(table.upstreamFor("/api/v1/customers")).isEmpty();
    }

    @Test
    void theFirstMatchingRouteWins() {
        assertThat(table.upstreamFor("/api/v1/customers/c1/orders")).contains("profile-service");
        assertThat(table.upstreamFor("/api/v1/customers/c1/interactions")).contains("interaction-service");
    }

    @Test
    void aMatchNamesThePatternThatMatched() {
        assertThat(table.match("/api/v1/customers/c1/interactions/summary"))
                .hasValueSatisfying(match -> assertThat(match.pattern()).hasToString("/api/v1/customers/*/interactions/**"));
        assertThat(table.match("/api/v1/interactions/i1"))
                .hasValueSatisfying(match -> assertThat(match.pattern()).hasToString("/api/v1/interactions/**"));
        assertThat(table.match("/q/health")).isEmpty();
    }

    @Test
    void unroutedPathsHaveNoUpstream() {
        assertThat(table.upstreamFor("/q/health")).isEmpty();
        assertThat(table.upstreamFor("/")).isEmpty();
    }

    @Test
    void malformedPatternsAreRejected() {
        assertThatThrownBy(() -> PathPattern.parse("api/v1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PathPattern.parse("/api/**/x")).isInstanceOf(IllegalArgumentException.class);
    }
}
