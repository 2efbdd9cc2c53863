package dev.panorama.profile.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Audit entries wait for their write, share writes under load, and are refused rather than lost. */
class GroupCommitTest {

    /** A store whose writes end when the test says so. */
    private final List<List<String>> written = new ArrayList<>();
    private final List<CompletableFuture<Void>> writes = new ArrayList<>();

    private Uni<Void> write(List<String> entries) {
        written.add(entries);
        CompletableFuture<Void> write = new CompletableFuture<>();
        writes.add(write);
        return Uni.createFrom().completionStage(write);
    }

    @Test
    void aCallerIsAnsweredOnlyOnceItsEntryIsStored() {
        GroupCommit<String> audit = new GroupCommit<>(this::write, 100, 10, 1);

        UniAssertSubscriber<Void> read = audit.store(List.of("a")).subscribe().withSubscriber(UniAssertSubscriber.create());

        assertThat(written).containsExactly(List.of("a"));
        read.assertNotTerminated();
        writes.getFirst().complete(null);
        read.assertCompleted();
        assertThat(audit.waiting()).isZero();
    }

    @Test
    void entriesArrivingDuringAWriteShareTheNextOne() {
        GroupCommit<String> audit = new GroupCommit<>(this::write, 100, 10, 1);
        UniAssertSubscriber<Void> first = audit.store(List.of("a")).subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<Void> second = audit.store(List.of("b")).subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<Void> third = audit.store(List.of("c", "d")).subscribe().withSubscriber(UniAssertSubscriber.create());

        writes.getFirst().complete(null);

        first.assertCompleted();
        assertThat(written).containsExactly(List.of("a"), List.of("b", "c", "d"));
        second.assertNotTerminated();
        third.assertNotTerminated();
        writes.get(1).complete(null);
        second.assertCompleted();
        third.assertCompleted();
    }

    @Test
    void aFullBufferRefusesAtOnceInsteadOfAnsweringUnaudited() {
        GroupCommit<String> audit = new GroupCommit<>(this::write, 3, 10, 1);
        audit.store(List.of("a", "b")).subscribe().withSubscriber(UniAssertSubscriber.create());

        audit.store(List.of("c", "d")).subscribe().withSubscriber(UniAssertSubscriber.create())
                .assertFailedWith(AuditUnavailable.class);

        writes.getFirst().complete(null);
        UniAssertSubscriber<Void> later = audit.store(List.of("c", "d")).subscribe().withSubscriber(UniAssertSubscriber.create());
        writes.getLast().complete(null);
        later.assertCompleted();
    }

    @Test
    void aFailedWriteFailsItsCallersAndTheNextWriteProceeds() {
        GroupCommit<String> audit = new GroupCommit<>(this::write, 100, 10, 1);
        UniAssertSubscriber<Void> first = audit.store(List.of("a")).subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<Void> second = audit.store(List.of("b")).subscribe().withSubscriber(UniAssertSubscriber.create());

        writes.getFirst().completeExceptionally(new IllegalStateException("store down"));

        first.assertFailedWith(AuditUnavailable.class);
        assertThat(written).containsExactly(List.of("a"), List.of("b"));
        writes.get(1).complete(null);
        second.assertCompleted();
        assertThat(audit.waiting()).isZero();
    }

    @Test
    void aBatchHoldsAtMostTheBoundExceptOneCallersEntries() {
        GroupCommit<String> audit = new GroupCommit<>(this::write, 100, 2, 1);
        audit.store(List.of("a")).subscribe().withSubscriber(UniAssertSubscriber.create());
        audit.store(List.of("b")).subscribe().withSubscriber(UniAssertSubscriber.create());
        audit.store(List.of("c")).subscribe().withSubscriber(UniAssertSubscriber.create());
        audit.store(List.of("d", "e", "f")).subscribe().withSubscriber(UniAssertSubscriber.create());

        writes.getFirst().complete(null);
        writes.get(1).complete(null);

        assertThat(written).containsExactly(List.of("a"), List.of("b", "c"), List.of("d", "e", "f"));
    }
}
