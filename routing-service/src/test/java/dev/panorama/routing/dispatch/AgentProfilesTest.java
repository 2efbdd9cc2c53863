package dev.panorama.routing.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.events.channel.Channel;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How dispatch reads an agent's skills, capacity and load from the one-statement text form. */
class AgentProfilesTest {

    @Test
    void readsSkillsWithTheirProficiency() {
        assertThat(AgentProfiles.skills("billing=3,lang:de=5,tech.l2=1")).isEqualTo(Map.of("billing", 3, "lang:de", 5, "tech.l2", 1));
    }

    @Test
    void readsCountsPerChannel() {
        assertThat(AgentProfiles.perChannel("CHAT=3,EMAIL=5")).isEqualTo(Map.of(Channel.CHAT, 3, Channel.EMAIL, 5));
    }

    @Test
    void nothingStoredIsNothingHeld() {
        assertThat(AgentProfiles.skills(null)).isEmpty();
        assertThat(AgentProfiles.perChannel("")).isEmpty();
    }
}
