package dev.panorama.profile.folding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.profile.folding.GeneratedEvents.Delivered;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The invariants that make a profile safe under at-least-once, unordered delivery. */
class ProfileFoldingPropertiesTest {

    private final ProfileFolding folding = new ProfileFolding(10_000);

    @Property
    void applyingAnEventTwiceChangesNothing(@ForAll("histories") List<Delivered> history) {
        ProfileDocument once = fold(ProfileDocument.empty(GeneratedEvents.CUSTOMER), history);

        for (Delivered again : history) {
            assertThat(apply(once, again)).isSameAs(once);
        }
    }

    @Property
    void aRedeliveryUnderANewIdChangesNothingEither(@ForAll("histories") List<Delivered> history) {
        ProfileDocument once = fold(ProfileDocument.empty(GeneratedEvents.CUSTOMER), history);
        List<Delivered> republished = history.stream().map(d -> new Delivered("re-" + d.id(), d.event())).toList();

        assertThat(fold(once, republished).state()).isEqualTo(once.state());
    }

    @Property
    void theOrderOfArrivalDoesNotMatter(@ForAll("histories") List<Delivered> history, @ForAll long seed) {
        List<Delivered> shuffled = new ArrayList<>(history);
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(fold(ProfileDocument.empty(GeneratedEvents.CUSTOMER), shuffled).state())
                .isEqualTo(fold(ProfileDocument.empty(GeneratedEvents.CUSTOMER), history).state());
    }

    @Property
    void aBatchOfEventsFoldsIntoWhatTheyGiveOneByOne(@ForAll("histories") List<Delivered> before,
            @ForAll("histories") List<Delivered> batch, @ForAll long seed) {
        ProfileDocument start = fold(ProfileDocument.empty(GeneratedEvents.CUSTOMER), before);
        List<Fact> shuffled = new ArrayList<>(batch.stream().map(this::fact).toList());
        Collections.shuffle(shuffled, new Random(seed));

        ProfileDocument atOnce = folding.apply(start, shuffled);

        assertThat(atOnce.state()).isEqualTo(fold(start, batch).state());
        assertThat(Set.copyOf(atOnce.appliedEvents())).isEqualTo(Set.copyOf(fold(start, batch).appliedEvents()));
        assertThat(folding.apply(atOnce, shuffled)).isSameAs(atOnce);
    }

    @Property
    void aBatchWithinAShortMemoryStillFoldsWhatOneByOneDoes(@ForAll("histories") List<Delivered> before,
            @ForAll("histories") List<Delivered> batch) {
        ProfileFolding forgetful = new ProfileFolding(7);
        ProfileDocument start = ProfileDocument.empty(GeneratedEvents.CUSTOMER);
        for (Delivered delivered : before) {
            start = forgetful.apply(start, delivered.id(), fact(delivered).facts());
        }
        ProfileDocument oneByOne = start;
        for (Delivered delivered : batch) {
            oneByOne = forgetful.apply(oneByOne, delivered.id(), fact(delivered).facts());
        }

        ProfileDocument atOnce = forgetful.apply(start, batch.stream().map(this::fact).toList());

        assertThat(atOnce.state()).isEqualTo(oneByOne.state());
        assertThat(atOnce.appliedEvents()).hasSizeLessThanOrEqualTo(7).doesNotHaveDuplicates();
    }

    @Property
    void aMergedProfileHoldsWhatOneProfileOfAllEventsWouldHold(@ForAll("histories") List<Delivered> survivorEvents,
            @ForAll("histories") List<Delivered> mergedEvents) {
        ProfileDocument survivor = fold(ProfileDocument.empty(GeneratedEvents.CUSTOMER), survivorEvents);
        ProfileDocument merged = fold(ProfileDocument.empty(UUID.randomUUID()), mergedEvents);

        ProfileDocument absorbed = folding.absorb(survivor, merged, "merge-1");

        List<Delivered> all = new ArrayList<>(survivorEvents);
        all.addAll(mergedEvents);
        assertThat(absorbed.state()).isEqualTo(fold(ProfileDocument.empty(GeneratedEvents.CUSTOMER), all).state());
        assertThat(folding.absorb(absorbed, merged, "merge-1").state()).isEqualTo(absorbed.state());
    }

    @Property
    void aSplitLosesNothingAndMovesOnlyTheMovedRecordsFacts(@ForAll("histories") List<Delivered> history) {
        ProfileDocument original = fold(ProfileDocument.empty(GeneratedEvents.CUSTOMER), history);
        Set<Origin> moved = Set.of(new Origin("crm", "C-1"), new Origin("channel-email", "bob@example.org"));

        ProfileState part = folding.splitPart(original, moved);
        ProfileDocument remaining = folding.splitOff(original, moved, "split-1");

        assertThat(remaining.state().join(part)).isEqualTo(original.state());
        assertThat(remaining.state().from(moved).isEmpty()).isTrue();
        assertThat(part.without(moved).isEmpty()).isTrue();
        assertThat(folding.splitOff(remaining, moved, "split-1")).isSameAs(remaining);
    }

    @Property
    void nothingRevivesAnErasedProfile(@ForAll("histories") List<Delivered> history) {
        ProfileDocument erased = folding.erase(fold(ProfileDocument.empty(GeneratedEvents.CUSTOMER), history),
                java.time.Instant.EPOCH);

        assertThat(erased.state().isEmpty()).isTrue();
        assertThat(fold(erased, history)).isSameAs(erased);
    }

    @Provide
    Arbitrary<List<Delivered>> histories() {
        return GeneratedEvents.delivered().list().ofMaxSize(30);
    }

    private ProfileDocument fold(ProfileDocument start, List<Delivered> history) {
        ProfileDocument profile = start;
        for (Delivered delivered : history) {
            profile = apply(profile, delivered);
        }
        return profile;
    }

    private Fact fact(Delivered delivered) {
        return switch (ProfileEvents.of(delivered.event())) {
            case ProfileEvent.ForCustomer facts -> new Fact(delivered.id(), facts.facts());
            case ProfileEvent.ForSourceRecord facts -> new Fact(delivered.id(), facts.facts());
            default -> throw new AssertionError("the generator makes only facts");
        };
    }

    private ProfileDocument apply(ProfileDocument profile, Delivered delivered) {
        return switch (ProfileEvents.of(delivered.event())) {
            case ProfileEvent.ForCustomer facts -> folding.apply(profile, delivered.id(), facts.facts());
            case ProfileEvent.ForSourceRecord facts -> folding.apply(profile, delivered.id(), facts.facts());
            default -> throw new AssertionError("the generator makes only facts");
        };
    }
}
