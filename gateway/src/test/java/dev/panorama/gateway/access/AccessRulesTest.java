package dev.panorama.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.panorama.gateway.access.AccessRules.Decision;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessRulesTest {

    private final AccessRules rules = AccessRules.bundled();

    @Test
    void theBundledTableNamesTheEndpointsOfEveryService() {
        assertThat(rules.rules())
                .allSatisfy(rule -> assertThat(rule.roles()).isNotEmpty())
                .extracting(rule -> rule.method() + " " + rule.path())
                .doesNotHaveDuplicates()
                .contains("GET /api/v1/identity/customers/{id}", "DELETE /api/v1/identity/customers/{id}",
                        "POST /api/v1/identity/model/versions/{version}/activation",
                        "POST /api/v1/interactions", "GET /api/v1/customers/{customerId}/interactions",
                        "GET /api/v1/profiles/{customerId}", "GET /api/v1/profiles/audit");
    }

    @Test
    void aRoleTheRuleNamesIsAllowedAnotherIsForbidden() {
        String customer = "/api/v1/identity/customers/0190a3c0-0000-7000-8000-000000000001";
        assertThat(rules.decide("GET", customer, Set.of("agent"))).isEqualTo(Decision.ALLOWED);
        assertThat(rules.decide("HEAD", customer, Set.of("agent"))).isEqualTo(Decision.ALLOWED);
        assertThat(rules.decide("DELETE", customer, Set.of("agent"))).isEqualTo(Decision.FORBIDDEN);
        assertThat(rules.decide("DELETE", customer, Set.of("admin", "agent"))).isEqualTo(Decision.ALLOWED);
        assertThat(rules.decide("GET", customer, Set.of())).isEqualTo(Decision.FORBIDDEN);
    }

    @Test
    void aStarAdmitsAnyCallerAndADashNobody() {
        AccessRules table = AccessRules.parse(List.of(
                "s GET /api/v1/x/open *",
                "s GET /api/v1/x/closed -"));
        assertThat(table.decide("GET", "/api/v1/x/open", Set.of())).isEqualTo(Decision.ALLOWED);
        assertThat(table.decide("GET", "/api/v1/x/closed", Set.of("admin", "-"))).isEqualTo(Decision.FORBIDDEN);
    }

    @Test
    void aPathNoRuleNamesIsLeftToItsService() {
        assertThat(rules.decide("GET", "/api/v1/profiles/x/unknown", Set.of())).isEqualTo(Decision.UNLISTED);
        assertThat(rules.decide("PATCH", "/api/v1/identity/customers/x", Set.of("admin"))).isEqualTo(Decision.UNLISTED);
    }

    @Test
    void theMostSpecificRuleDecides() {
        AccessRules table = AccessRules.parse(List.of(
                "s GET /api/v1/x/{id} agent",
                "s GET /api/v1/x/special admin"));
        assertThat(table.decide("GET", "/api/v1/x/special", Set.of("agent"))).isEqualTo(Decision.FORBIDDEN);
        assertThat(table.decide("GET", "/api/v1/x/other", Set.of("agent"))).isEqualTo(Decision.ALLOWED);
    }

    @Test
    void aMalformedLineIsRejected() {
        assertThatThrownBy(() -> AccessRules.parse(List.of("identity-service GET /api/v1/x"))).isInstanceOf(IllegalArgumentException.class);
    }
}
