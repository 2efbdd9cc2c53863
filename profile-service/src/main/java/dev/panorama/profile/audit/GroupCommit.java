package dev.panorama.profile.audit;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Entries that callers wait for until they are stored, written together: whatever arrives while a write is under way
 * goes in the next one, so under load many callers share one write and alone a caller waits for one write. Bounded:
 * beyond {@code capacity} waiting entries a caller is refused at once, and a write that fails fails its callers; in
 * both cases the caller is told the entry is not stored ({@link AuditUnavailable}), never that it is.
 */
final class GroupCommit<E> {

    private record Waiting<E>(List<E> entries, UniEmitter<? super Void> caller) {
    }

    private final Function<List<E>, Uni<Void>> writer;
    private final int capacity;
    private final int maxBatch;
    private final int maxWrites;
    private final Queue<Waiting<E>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waitingEntries = new AtomicInteger();
    private final AtomicInteger writing = new AtomicInteger();

    /**
     * @param writer    stores a batch of entries
     * @param capacity  the most entries waiting (queued or being written)
     * @param maxBatch  the most entries of one write (a caller's entries are never split)
     * @param maxWrites the most writes under way at once
     */
    GroupCommit(Function<List<E>, Uni<Void>> writer, int capacity, int maxBatch, int maxWrites) {
        this.writer = writer;
        this.capacity = capacity;
        this.maxBatch = maxBatch;
        this.maxWrites = maxWrites;
    }

    /** Completes once the entries are stored; fails with {@link AuditUnavailable} when they cannot be. */
    Uni<Void> store(List<E> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().emitter(caller -> {
            if (waitingEntries.addAndGet(entries.size()) > capacity) {
                waitingEntries.addAndGet(-entries.size());
                caller.fail(new AuditUnavailable("the audit log is behind"));
                return;
            }
            queue.add(new Waiting<>(List.copyOf(entries), caller));
            writeWhileAllowed();
        });
    }

    /** How many entries wait to be stored (queued or being written). */
    int waiting() {
        return waitingEntries.get();
    }

    private void writeWhileAllowed() {
        while (!queue.isEmpty()) {
            int underWay = writing.get();
            if (underWay >= maxWrites) {
                return; // the write under way takes up the queue when it ends
            }
            if (!writing.compareAndSet(underWay, underWay + 1)) {
                continue;
            }
            List<Waiting<E>> batch = take();
            if (batch.isEmpty()) {
                writing.decrementAndGet();
                continue;
            }
            write(batch);
        }
    }

    private List<Waiting<E>> take() {
        List<Waiting<E>> batch = new ArrayList<>();
        int entries = 0;
        Waiting<E> next;
        while (entries < maxBatch && (next = queue.poll()) != null) {
            batch.add(next);
            entries += next.entries().size();
        }
        return batch;
    }

    private void write(List<Waiting<E>> batch) {
        List<E> entries = batch.stream().flatMap(waiting -> waiting.entries().stream()).toList();
        Uni.createFrom().deferred(() -> writer.apply(entries)).subscribe()
                .with(stored -> ended(batch, entries.size(), null), failure -> ended(batch, entries.size(), failure));
    }

    private void ended(List<Waiting<E>> batch, int entries, Throwable failure) {
        waitingEntries.addAndGet(-entries);
        writing.decrementAndGet();
        for (Waiting<E> waiting : batch) {
            if (failure == null) {
                waiting.caller().complete(null);
            } else {
                waiting.caller().fail(new AuditUnavailable("the audit log cannot be written"));
            }
        }
        writeWhileAllowed();
    }
}
