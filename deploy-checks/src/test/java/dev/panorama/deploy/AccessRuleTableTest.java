package dev.panorama.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.deploy.AccessRuleTable.Row;
import dev.panorama.gateway.access.AccessRules;
import dev.panorama.gateway.routes.RouteTable;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gateway's access-rule table is what the services' JAX-RS resources declare, endpoint for endpoint:
 * it cannot fall behind a new endpoint or a changed {@code @RolesAllowed}. With
 * {@code -Dpanorama.access-rules.write=true} the committed table is rewritten from the code first.
 */
class AccessRuleTableTest {

    private static final List<Row> GENERATED = AccessRuleTable.generate();

    @Test
    void theCommittedTableIsTheOneTheServicesDeclare() throws IOException {
        String generated = AccessRuleTable.render(GENERATED);
        if (Boolean.getBoolean("panorama.access-rules.write")) {
            Files.writeString(AccessRuleTable.file(), generated);
        }
        assertThat(Checkout.read(AccessRuleTable.file()))
                .as(Checkout.ROOT.relativize(AccessRuleTable.file()) + " differs from the services' resources; regenerate it with\n  "
                        + AccessRuleTable.REGENERATE)
                .isEqualTo(generated);
    }

    @Test
    void theGatewayReadsEveryRuleWithItsRoles() {
        List<AccessRules.Rule> parsed = AccessRules.parse(AccessRuleTable.render(GENERATED).lines().toList()).rules();
        assertThat(parsed).hasSameSizeAs(GENERATED);
        for (int i = 0; i < parsed.size(); i++) {
            AccessRules.Rule rule = parsed.get(i);
            Row row = GENERATED.get(i);
            assertThat(List.of(rule.service(), rule.method(), rule.path())).containsExactly(row.service(), row.method(), row.path());
            assertThat(rule.roles()).containsExactlyInAnyOrderElementsOf(row.endpoint().roles());
        }
    }

    @Test
    void everyEndpointIsRoutedToItsOwnServiceByTheGateway() {
        RouteTable routes = AccessRuleTable.routes();
        List<String> misrouted = new ArrayList<>();
        for (Row row : GENERATED) {
            String concrete = row.path().replaceAll("\\{[^}]+}", "x");
            String upstream = routes.upstreamFor(concrete).orElse("no service");
            if (!upstream.equals(row.service())) {
                misrouted.add(row.service() + " " + row.method() + " " + row.path() + " goes to " + upstream);
            }
        }
        assertThat(misrouted).as("endpoints the gateway's route table (gateway application.properties) sends elsewhere").isEmpty();
    }

    @Test
    void everyJsonBodyIsReadStrictly() {
        assertThat(GENERATED).filteredOn(row -> row.endpoint().body() == Endpoints.Body.LENIENT)
                .extracting(row -> row.service() + " " + row.endpoint().declaredBy())
                .as("resources reading a JSON body that would drop a misspelt field: add @CustomDeserialization(StrictJson.class)")
                .isEmpty();
        assertThat(GENERATED).filteredOn(row -> row.endpoint().body() == Endpoints.Body.STRICT)
                .extracting(row -> row.method() + " " + row.path())
                .contains("POST /api/v1/identity/records", "POST /api/v1/interactions", "POST /api/v1/routing/tasks",
                        "PUT /api/v1/routing/agents/me/presence")
                .doesNotContain("POST /api/v1/routing/offers/{offerId}/acceptance", "POST /api/v1/identity/imports");
    }

    @Test
    void everyMethodPathPairIsOneRule() {
        assertThat(GENERATED).extracting(row -> row.method() + " " + row.path()).doesNotHaveDuplicates();
    }

    @Test
    void theTableCoversEachServiceWithResources() {
        assertThat(GENERATED).extracting(row -> row.service() + " " + row.method() + " " + row.path())
                .contains("identity-service POST /api/v1/identity/records",
                        "identity-service POST /api/v1/identity/reviews/{id}/decision",
                        "interaction-service POST /api/v1/interactions",
                        "interaction-service GET /api/v1/customers/{customerId}/interactions",
                        "profile-service GET /api/v1/profiles/{customerId}",
                        "profile-service POST /api/v1/profiles/rebuild")
                .noneMatch(rule -> rule.contains("/console/"));
        assertThat(GENERATED).filteredOn(row -> row.path().equals("/api/v1/identity/reviews/{id}/decision"))
                .singleElement().satisfies(row -> assertThat(row.endpoint().roles()).containsExactly("data-steward", "admin"));
    }

    @Test
    void templatesAreWrittenByNameAndSlashesJoinedOnce() {
        assertThat(Endpoints.join("/api/v1/x/", "/{id : [0-9]+}/", "")).isEqualTo("/api/v1/x/{id}");
        assertThat(Endpoints.join("api/v1/x", "")).isEqualTo("/api/v1/x");
    }
}
