package dev.panorama.interaction.timeline;

import java.util.function.Function;
import org.bson.conversions.Bson;

/**
 * What a page of contacts is read as: the view record MongoDB's answer is decoded into ({@link TimelineCodecs}), the
 * fields that view shows, and the position of a contact in it for the next page's cursor.
 */
public record PageView<T>(Class<T> type, Bson fields, Function<T, Cursor> position) {

    /** Staff: each contact whole, with its versions. */
    public static final PageView<InteractionView> STAFF = new PageView<>(InteractionView.class, InteractionViewDecoder.PROJECTION,
            view -> new Cursor(view.occurredAt(), view.interactionId()));

    /** A customer reading its own timeline: what was said and sent, nothing internal. */
    public static final PageView<CustomerInteractionView> CUSTOMER = new PageView<>(CustomerInteractionView.class,
            CustomerInteractionViewDecoder.PROJECTION, view -> new Cursor(view.occurredAt(), view.interactionId()));
}
