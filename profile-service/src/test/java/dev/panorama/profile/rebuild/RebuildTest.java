package dev.panorama.profile.rebuild;

import static dev.panorama.profile.materialising.EventPublisher.publish;
import static dev.panorama.profile.materialising.Profiles.awaitProfile;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.panorama.devstack.test.KeycloakTokens;
import dev.panorama.events.backoffice.AccountUpdated;
import dev.panorama.events.backoffice.CaseClosed;
import dev.panorama.events.backoffice.CaseKind;
import dev.panorama.events.backoffice.CaseOpened;
import dev.panorama.events.channel.Channel;
import dev.panorama.events.channel.Direction;
import dev.panorama.events.common.SourceRef;
import dev.panorama.events.identity.CustomersMerged;
import dev.panorama.events.identity.LinkDecision;
import dev.panorama.events.identity.RecordLinked;
import dev.panorama.events.interaction.InteractionLogged;
import dev.panorama.profile.materialising.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A full rebuild from the retained topics ends in the state the incremental consumers built. */
@QuarkusTest
class RebuildTest {

    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");

    @Test
    void aRebuildEndsWhereIncrementalUpdatesEnded() {
        UUID survivor = UUID.randomUUID();
        UUID merged = UUID.randomUUID();
        String number = "R-" + merged;
        publish(number, new AccountUpdated("bank", number, "A-1", "savings", "retail", "open", new BigDecimal("42.00"), "EUR", null, T0));
        publish(number, new CaseClosed("bank", number, "K-1", "fixed", T0.plusSeconds(60)));
        publish(number, new CaseOpened("bank", number, "K-1", CaseKind.RETURN, "parcel", "low", T0));
        publish(merged.toString(), new RecordLinked(merged, new SourceRef("bank", number), LinkDecision.NEW, null, T0));
        publish(survivor.toString(), new InteractionLogged(UUID.randomUUID(), survivor, null, Channel.EMAIL, Direction.INBOUND, T0,
                "mail", "m-1", true, null, List.of(), null, 1));
        publish(survivor.toString(), new CustomersMerged(UUID.randomUUID(), survivor, List.of(merged), "same", "dana", null, T0));
        String incremental = awaitProfile(survivor, p -> p.getList("holdings").size() == 1
                && p.getList("returnsAndWarranty").size() == 1 && p.getInt("interactions.total") == 1).prettify();
        String pointer = awaitProfile(merged, p -> p.getString("mergedInto") != null).prettify();

        String admin = KeycloakTokens.forUser("ada");
        given().auth().oauth2(admin).post("/api/v1/profiles/rebuild").then().statusCode(202);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> "DONE".equals(
                given().auth().oauth2(admin).get("/api/v1/profiles/rebuild").then().statusCode(200).extract().path("state")));

        var done = given().auth().oauth2(admin).get("/api/v1/profiles/rebuild").then().extract().jsonPath();
        assertThat(done.getLong("replayed")).isGreaterThanOrEqualTo(6).isEqualTo(done.getLong("total"));
        assertThat(Profiles.awaitProfile(survivor, p -> true).prettify()).isEqualTo(incremental);
        assertThat(Profiles.awaitProfile(merged, p -> true).prettify()).isEqualTo(pointer);
    }

    @Test
    void onlyAdminsRebuild() {
        given().auth().oauth2(KeycloakTokens.forUser("alice")).post("/api/v1/profiles/rebuild").then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.forUser("sam")).get("/api/v1/profiles/rebuild").then().statusCode(403);
        given().post("/api/v1/profiles/rebuild").then().statusCode(401);
    }
}
