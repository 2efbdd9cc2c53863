package dev.panorama.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CandidateBlocksTest {

    @Test
    void blocksAreTakenSmallestFirstWhileTheyFitTheBudget() {
        Map<String, Integer> sizes = Map.of("em:ann@example.com", 1, "dob:19800101", 4, "lg:town1:AN", 10,
                "fg:AN:S", CandidateBlocks.BUDGET);

        assertThat(CandidateBlocks.chosen(sizes)).containsExactly("em:ann@example.com", "dob:19800101", "lg:town1:AN");
    }

    @Test
    void aBlockLargerThanABlockHoldsIsNeverChosen() {
        Map<String, Integer> sizes = Map.of("fg:AN:S", Resolver.MAX_BLOCK_SIZE + 1, "em:ann@example.com", 0);

        assertThat(CandidateBlocks.chosen(sizes)).containsExactly("em:ann@example.com");
    }

    @Test
    void aLooseKeyIsChosenWhenTheRecordsOtherBlocksLeaveRoomForIt() {
        Map<String, Integer> sizes = Map.of("em:ann@example.com", 0, "fg:AN:S", CandidateBlocks.BUDGET);

        assertThat(CandidateBlocks.chosen(sizes)).containsExactly("em:ann@example.com", "fg:AN:S");
    }

    @Test
    void blocksOfOneSizeAreTakenInKeyOrderSoTheChoiceIsTheSameOnEveryInstance() {
        int half = CandidateBlocks.BUDGET / 2 + 1;
        Map<String, Integer> sizes = Map.of("lg:town1:AN", half, "fy:SM0:1980", half);

        assertThat(CandidateBlocks.chosen(sizes)).containsExactly("fy:SM0:1980");
    }
}
