package dev.panorama.identity.imports;

import dev.panorama.identity.imports.persistence.ImportJobEntity;
import dev.panorama.identity.imports.persistence.ImportStore;
import dev.panorama.kit.problem.InvalidInputException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Import jobs and their error reports, read in pages. */
@ApplicationScoped
public class ImportQueries {

    static final int MAX_LIMIT = 500;

    private final ImportStore store;

    public ImportQueries(ImportStore store) {
        this.store = store;
    }

    @WithSession
    public Uni<ImportJobView> job(UUID id) {
        return existing(id).map(ImportJobView::of);
    }

    @WithSession
    public Uni<Page<ImportJobView>> jobs(int limit, String cursor) {
        UUID before = cursor == null ? null : jobCursor(cursor);
        int capped = Math.min(limit, MAX_LIMIT);
        return store.jobs(before, capped + 1).map(jobs -> page(jobs.stream().map(ImportJobView::of).toList(), capped,
                last -> last.id().toString()));
    }

    @WithSession
    public Uni<Page<ImportErrorView>> errors(UUID id, int limit, String cursor) {
        int after = cursor == null ? 0 : errorCursor(cursor);
        int capped = Math.min(limit, MAX_LIMIT);
        return existing(id).chain(job -> store.errors(id, after, capped + 1))
                .map(errors -> {
                    List<ImportErrorView> views = errors.stream().map(ImportErrorView::of).toList();
                    int lastSeq = errors.isEmpty() ? after : errors.get(Math.min(capped, errors.size()) - 1).id.seq();
                    return page(views, capped, ignored -> Integer.toString(lastSeq));
                });
    }

    private Uni<ImportJobEntity> existing(UUID id) {
        return store.job(id).onItem().ifNull().failWith(() -> new ImportJobNotFound(id));
    }

    /** {@code fetched} holds one item more than the page when there is a next page. */
    private static <T> Page<T> page(List<T> fetched, int limit, java.util.function.Function<T, String> cursorOf) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(List.copyOf(items), cursorOf.apply(items.getLast()));
    }

    private static UUID jobCursor(String cursor) {
        try {
            return UUID.fromString(cursor);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.field("cursor", "not a cursor from this list");
        }
    }

    private static int errorCursor(String cursor) {
        try {
            return Integer.parseInt(cursor);
        } catch (NumberFormatException e) {
            throw InvalidInputException.field("cursor", "not a cursor from this list");
        }
    }
}
