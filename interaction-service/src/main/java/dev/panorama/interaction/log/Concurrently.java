package dev.panorama.interaction.log;

import io.smallrye.mutiny.Uni;
import java.util.List;

/** Runs writes side by side, failing fast; nothing to run is done at once. */
public final class Concurrently {

    private Concurrently() {
    }

    public static Uni<Void> all(List<? extends Uni<?>> unis) {
        if (unis.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Object>> all = unis.stream().map(uni -> uni.map(item -> (Object) item)).toList();
        return Uni.join().all(all).andFailFast().replaceWithVoid();
    }
}
