package dev.panorama.interaction.timeline;

import java.util.List;

/** One page of a list; {@code nextCursor} fetches the next, absent on the last page. */
public record TimelinePage<T>(List<T> items, String nextCursor) {
}
