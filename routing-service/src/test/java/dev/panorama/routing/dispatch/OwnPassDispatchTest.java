package dev.panorama.routing.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.events.routing.AgentPresence;
import dev.panorama.routing.agents.Caller;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With own passes on ({@code panorama.routing.own-pass}), the concurrency guarantees of {@link DispatchConcurrencyTest}
 * hold as well, and an agent has its offers when its own change answers.
 */
@QuarkusTest
@TestProfile(OwnPassDispatchTest.OwnPass.class)
class OwnPassDispatchTest extends DispatchConcurrencyTest {

    public static class OwnPass implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("panorama.routing.own-pass", "true");
        }
    }

    @Test
    void agentsComingOnlineAtOnceHaveTheirOffersWhenTheirPresenceCommitsAndAFreedSlotIsFilledWithItsCompletion() {
        int agents = 30;
        setUp(agents, 2, 200, "OFFLINE");

        List<Uni<Long>> onlineAtOnce = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            String agent = agentId(i);
            onlineAtOnce.add(presence.setFor(agent, AgentPresence.AVAILABLE, Caller.routing())
                    .chain(() -> pool.preparedQuery("select count(*) from task_offer where agent_id = $1 and status = 'OPEN'")
                            .execute(Tuple.of(agent)).map(rows -> rows.iterator().next().getLong(0))));
        }
        List<Long> offersAsTheyCameOnline = Uni.join().all(onlineAtOnce).andFailFast().await().atMost(WAIT);

        assertThat(offersAsTheyCameOnline).as("open offers of each agent as its presence change answered").containsOnly(2L);
        assertInvariants();

        Row offer = one("select o.id, o.agent_id, o.task_id from task_offer o where o.agent_id = $1 and o.status = 'OPEN' limit 1", agentId(0));
        Caller agent = new Caller(offer.getString("agent_id"), null, false);
        answers.accept(agent, offer.getUUID("id")).await().atMost(WAIT);
        lifecycle.complete(agent, offer.getUUID("task_id"), null).await().atMost(WAIT);
        assertThat(count("select count(*) from task_offer where agent_id = $1 and status = 'OPEN'", agentId(0)))
                .as("the freed slot offered again as the completion answered").isEqualTo(2);
        assertInvariants();
    }
}
