package dev.panorama.identity.imports;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list; pass {@code nextCursor} as {@code ?cursor=} for the next, absent on the last page. */
public record Page<T>(List<T> items, @Schema(description = "Opaque; absent on the last page") String nextCursor) {
}
