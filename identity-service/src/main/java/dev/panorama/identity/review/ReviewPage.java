package dev.panorama.identity.review;

import java.util.List;

/** One page of the review queue; {@code nextCursor} is absent on the last page. */
public record ReviewPage(List<ReviewView> items, String nextCursor) {
}
