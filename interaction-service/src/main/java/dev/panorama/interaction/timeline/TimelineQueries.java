package dev.panorama.interaction.timeline;

import static dev.panorama.interaction.log.InteractionDocuments.CONVERSATION_ID;
import static dev.panorama.interaction.log.InteractionDocuments.ID;
import static dev.panorama.interaction.log.InteractionDocuments.OCCURRED_AT;

import com.mongodb.client.model.Filters;
import dev.panorama.events.channel.Channel;
import dev.panorama.interaction.log.Interaction;
import dev.panorama.interaction.log.InteractionDocuments;
import dev.panorama.interaction.log.InteractionLog;
import dev.panorama.interaction.log.Resolution;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.bson.conversions.Bson;

/** Reads of the log: a customer's timeline, one contact with its versions, one conversation, a customer's summary. */
@ApplicationScoped
public class TimelineQueries {

    private final InteractionLog log;

    public TimelineQueries(InteractionLog log) {
        this.log = log;
    }

    public <T> Uni<TimelinePage<T>> timeline(TimelineFilter filter, Cursor after, int limit, PageView<T> view) {
        return log.newestFirst(filter.toBson(after), limit + 1, view.type(), view.fields()).map(views -> page(views, limit, view));
    }

    public Uni<Interaction> interaction(UUID id) {
        return log.byId(id).map(document -> {
            if (document == null) {
                throw new UnknownInteraction(id);
            }
            Interaction interaction = InteractionDocuments.toInteraction(document);
            if (interaction.resolution() == Resolution.ERASED) {
                throw new ErasedInteraction(id);
            }
            return interaction;
        });
    }

    public Uni<ConversationView> conversation(String conversationId, Cursor after, int limit) {
        Bson thread = Filters.eq(CONVERSATION_ID, conversationId);
        // the $gte is implied by the $or, and a range the index walk can start at
        Bson filter = after == null ? thread : Filters.and(thread, Filters.gte(OCCURRED_AT, Date.from(after.occurredAt())),
                Filters.or(Filters.gt(OCCURRED_AT, Date.from(after.occurredAt())),
                Filters.and(Filters.eq(OCCURRED_AT, Date.from(after.occurredAt())), Filters.gt(ID, after.id().toString()))));
        return log.oldestFirst(filter, limit + 1, PageView.STAFF.type(), PageView.STAFF.fields())
                .map(views -> thread(conversationId, page(views, limit, PageView.STAFF)));
    }

    private static ConversationView thread(String conversationId, TimelinePage<InteractionView> page) {
        List<Channel> channels = page.items().stream().map(InteractionView::channel).toList();
        List<UUID> customers = page.items().stream().map(InteractionView::customerId).filter(Objects::nonNull).distinct().toList();
        return new ConversationView(conversationId, channels, customers, page.items(), page.nextCursor());
    }

    public Uni<CustomerSummary> summary(UUID customerId) {
        return log.countsByChannel(customerId).map(groups -> {
            List<CustomerSummary.ChannelSummary> channels = groups.stream()
                    .map(group -> new CustomerSummary.ChannelSummary(Channel.valueOf(group.getString("_id")),
                            group.get("count", Number.class).longValue(), group.getDate("lastAt").toInstant()))
                    .sorted(Comparator.comparing(CustomerSummary.ChannelSummary::lastContactAt).reversed())
                    .toList();
            long total = channels.stream().mapToLong(CustomerSummary.ChannelSummary::count).sum();
            Instant last = channels.isEmpty() ? null : channels.getFirst().lastContactAt();
            return new CustomerSummary(customerId, total, last, channels);
        });
    }

    /** The first {@code limit} of {@code views}; one more than that says a next page exists. */
    private static <T> TimelinePage<T> page(List<T> views, int limit, PageView<T> view) {
        List<T> items = views.size() > limit ? views.subList(0, limit) : views;
        String next = views.size() > limit && !items.isEmpty() ? view.position().apply(items.getLast()).encode() : null;
        return new TimelinePage<>(items, next);
    }
}
