package dev.panorama.profile.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.events.channel.Channel;
import dev.panorama.events.channel.Direction;
import dev.panorama.events.common.Identifier;
import dev.panorama.events.common.PersonName;
import dev.panorama.profile.folding.Contact;
import dev.panorama.profile.folding.Holding;
import dev.panorama.profile.folding.Origin;
import dev.panorama.profile.folding.ProfileDocument;
import dev.panorama.profile.folding.ProfileState;
import dev.panorama.profile.folding.SourceContact;
import dev.panorama.profile.folding.SourceLink;
import dev.panorama.profile.phones.PhoneKeys;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Profiles survive the trip into BSON and back unchanged. */
class ProfileCodecTest {

    private static final Instant T0 = Instant.parse("2026-05-01T09:00:00Z");
    private static final Origin BANK = new Origin("bank", "B-1");
    private static final PhoneKeys PHONES = new PhoneKeys("GB");

    @Test
    void aProfileComesBackAsItWasStored() {
        ProfileDocument profile = profile(new BigDecimal("900.25"));

        Document stored = ProfileCodec.toBson(profile, PHONES);

        assertThat(stored.getString("_id")).isEqualTo(profile.customerId().toString());
        assertThat(stored.get("search", Document.class).getList("emails", String.class)).containsExactly("jo@example.org");
        assertThat(ProfileCodec.fromBson(stored)).isEqualTo(profile);
    }

    @Test
    void amountsKeepTheirScale() {
        Document stored = ProfileCodec.toBson(profile(new BigDecimal("0.10")), PHONES);

        assertThat(ProfileCodec.fromBson(stored).state().holdings().getFirst().balance()).isEqualTo(new BigDecimal("0.10"));
        assertThat(ProfileCodec.fromBson(ProfileCodec.toBson(ProfileCodec.fromBson(stored), PHONES))).isEqualTo(ProfileCodec.fromBson(stored));
    }

    private static ProfileDocument profile(BigDecimal balance) {
        ProfileState state = new ProfileState(List.of(new SourceLink(BANK, "MATCHED", T0)),
                List.of(new SourceContact(BANK, T0, new PersonName(null, "Jo", null, "Quist", null), List.of("jo@example.org"),
                        List.of("+44 7700 900123"), List.of(new Identifier("national-id", "NI1", null)))),
                List.of(new Holding(BANK, "A-1", "savings", "retail", "open", balance, "EUR", LocalDate.of(2020, 1, 2), T0)),
                null, null, null,
                List.of(new Contact("i-1", new Contact.Logged(Channel.CHAT, Direction.INBOUND, T0, true, "SPRING", 2, null), null)), null);
        return new ProfileDocument(UUID.randomUUID(), null, null, state, List.of("e-1", "e-2"), 3);
    }
}
