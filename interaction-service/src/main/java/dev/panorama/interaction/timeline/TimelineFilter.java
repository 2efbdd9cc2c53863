package dev.panorama.interaction.timeline;

import static dev.panorama.interaction.log.InteractionDocuments.*;

import com.mongodb.client.model.Filters;
import dev.panorama.events.channel.Channel;
import dev.panorama.events.channel.Direction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.bson.conversions.Bson;

/**
 * Which of a customer's contacts a timeline page shows; every filter is optional.
 *
 * @param from inclusive
 * @param to   exclusive
 * @param text found in the subject or the text, ignoring case
 */
public record TimelineFilter(UUID customerId, Channel channel, Direction direction, Instant from, Instant to, String conversationId,
        String text) {

    /** The MongoDB filter of this page: the filters, and everything older than the cursor (newest first). */
    public Bson toBson(Cursor after) {
        List<Bson> all = new ArrayList<>();
        all.add(Filters.eq(CUSTOMER_ID, customerId.toString()));
        if (channel != null) {
            all.add(Filters.eq(CHANNEL, channel.name()));
        }
        if (direction != null) {
            all.add(Filters.eq(DIRECTION, direction.name()));
        }
        if (from != null) {
            all.add(Filters.gte(OCCURRED_AT, Date.from(from)));
        }
        if (to != null) {
            all.add(Filters.lt(OCCURRED_AT, Date.from(to)));
        }
        if (conversationId != null) {
            all.add(Filters.eq(CONVERSATION_ID, conversationId));
        }
        if (text != null) {
            String quoted = Pattern.quote(text);
            all.add(Filters.or(Filters.regex(SUBJECT, quoted, "i"), Filters.regex(TEXT, quoted, "i")));
        }
        if (after != null) {
            Date at = Date.from(after.occurredAt());
            // implied by the $or below, but a range the index walk can start at: page N then walks 50 entries, not N x 50
            all.add(Filters.lte(OCCURRED_AT, at));
            all.add(Filters.or(Filters.lt(OCCURRED_AT, at),
                    Filters.and(Filters.eq(OCCURRED_AT, at), Filters.lt(ID, after.id().toString()))));
        }
        return Filters.and(all);
    }
}
