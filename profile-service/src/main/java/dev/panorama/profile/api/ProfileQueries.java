package dev.panorama.profile.api;

import dev.panorama.kit.problem.InvalidInputException;
import dev.panorama.profile.audit.ReadAudit;
import dev.panorama.profile.config.ProfileConfig;
import dev.panorama.profile.folding.ProfileDocument;
import dev.panorama.profile.phones.PhoneKeys;
import dev.panorama.profile.reading.ProfileReader;
import dev.panorama.profile.reading.ProfileView;
import dev.panorama.profile.reading.RoutingHints;
import dev.panorama.profile.store.ProfileStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Reads of profiles: who may see what, and the audit entry of every staff read. */
@ApplicationScoped
public class ProfileQueries {

    /** One page of search results; {@code nextCursor} is absent on the last page. */
    public record ProfilePage(List<ProfileView> items, String nextCursor) {
    }

    private final ProfileStore store;
    private final ReadAudit audit;
    private final ProfileReader reader;
    private final Clock clock;

    public ProfileQueries(ProfileStore store, ReadAudit audit, ProfileConfig config, PhoneKeys phones, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.reader = new ProfileReader(config.rules(), phones);
        this.clock = clock;
    }

    public Uni<ProfileView> profile(Reader who, UUID customerId) {
        who.mayRead(customerId);
        return existingAndAudited(who, customerId, "profile")
                .map(found -> {
                    ProfileView view = reader.view(found, clock.instant());
                    return who.customer() ? view.forCustomer() : view;
                });
    }

    public Uni<ProfileView.Insights> insights(Reader who, UUID customerId) {
        return existingAndAudited(who, customerId, "insights")
                .map(found -> found.merged() ? null : reader.view(found, clock.instant()).insights())
                .onItem().ifNull().failWith(() -> new UnknownProfile(customerId));
    }

    public Uni<RoutingHints> routingHints(Reader who, UUID customerId) {
        return existingAndAudited(who, customerId, "routing-hints")
                .map(found -> found.merged() ? null : reader.routingHints(found, clock.instant()))
                .onItem().ifNull().failWith(() -> new UnknownProfile(customerId));
    }

    public Uni<List<ProfileView>> byIdentifier(Reader who, String identifier, int limit) {
        int colon = identifier.indexOf(':');
        if (colon < 1 || colon == identifier.length() - 1) {
            throw InvalidInputException.field("identifier", "must be type:value, e.g. email:jo@example.org");
        }
        return store.withIdentifier(identifier.substring(0, colon), identifier.substring(colon + 1), limit)
                .call(found -> audited(who, ids(found), "lookup")).map(this::views);
    }

    public Uni<ProfilePage> search(Reader who, String prefix, String cursor, int limit) {
        if (prefix.isBlank() || prefix.trim().length() < 2) {
            throw InvalidInputException.field("q", "needs at least 2 characters");
        }
        return store.search(prefix, cursor, limit).call(found -> audited(who, ids(found), "search"))
                .map(found -> new ProfilePage(views(found), found.size() == limit ? found.getLast().customerId().toString() : null));
    }

    /**
     * The profile is read while the audit entry is stored: the answer waits for both, so no staff read leaves
     * unaudited (a read answered 404 is logged too: someone asked for that customer).
     */
    private Uni<ProfileDocument> existingAndAudited(Reader who, UUID customerId, String what) {
        return Uni.combine().all().unis(existing(customerId), audited(who, List.of(customerId), what)).with((found, audit) -> found);
    }

    private Uni<ProfileDocument> existing(UUID customerId) {
        return store.read(customerId).map(found -> found.revision() == 0 || found.erased() ? null : found)
                .onItem().ifNull().failWith(() -> new UnknownProfile(customerId));
    }

    private Uni<Void> audited(Reader who, List<UUID> customerIds, String what) {
        return who.customer() ? Uni.createFrom().voidItem() : audit.record(who.name(), customerIds, what);
    }

    private List<ProfileView> views(List<ProfileDocument> found) {
        return found.stream().map(profile -> reader.view(profile, clock.instant())).toList();
    }

    private static List<UUID> ids(List<ProfileDocument> found) {
        return found.stream().map(ProfileDocument::customerId).toList();
    }
}
