package dev.panorama.profile.materialising;

import dev.panorama.profile.config.ProfileConfig;
import dev.panorama.profile.folding.Fact;
import dev.panorama.profile.folding.Origin;
import dev.panorama.profile.folding.ProfileDocument;
import dev.panorama.profile.folding.ProfileEvent;
import dev.panorama.profile.folding.ProfileFolding;
import dev.panorama.profile.folding.ProfileState;
import dev.panorama.profile.store.ProfileStore;
import dev.panorama.profile.store.SourceLinks;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;

/**
 * Applies what an event means to the stored profiles. Every step is one atomic single-document write and every
 * step can be repeated, so a redelivery after a crash half-way finishes the job instead of doubling it.
 */
@ApplicationScoped
public class ProfileMaterialiser {

    private static final Logger LOG = Logger.getLogger(ProfileMaterialiser.class);

    private final ProfileStore profiles;
    private final SourceLinks links;
    private final ProfileFolding folding;
    private final int concurrency;
    private final int profilesPerWrite;

    public ProfileMaterialiser(ProfileStore profiles, SourceLinks links, ProfileConfig config) {
        this.profiles = profiles;
        this.links = links;
        this.folding = new ProfileFolding(config.rememberedEvents());
        this.concurrency = config.writeConcurrency();
        this.profilesPerWrite = config.profilesPerWrite();
    }

    /**
     * Applies a batch of deliveries in effect as if one by one. Runs of facts are gathered by customer and folded
     * in one compare-and-set write per profile (facts commute, so their order within a run does not matter); a
     * merge, split or erasure is applied on its own where it stands, after the facts before it and before those after.
     */
    public Uni<Void> applyAll(List<Delivery> deliveries) {
        Uni<Void> applied = Uni.createFrom().voidItem();
        List<Delivery> facts = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            if (delivery.fact()) {
                facts.add(delivery);
            } else {
                List<Delivery> before = List.copyOf(facts);
                facts.clear();
                applied = applied.chain(() -> applyFacts(before)).chain(() -> apply(delivery.eventId(), delivery.event()));
            }
        }
        List<Delivery> last = List.copyOf(facts);
        return applied.chain(() -> applyFacts(last));
    }

    /** Links first (so facts for a record linked in the same run find their customer), then every profile's facts at once. */
    private Uni<Void> applyFacts(List<Delivery> facts) {
        if (facts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return linkAll(facts).chain(links -> resolveAll(facts).chain(resolved -> {
            List<Addressed> addressed = new ArrayList<>(resolved);
            links.forEach(link -> addressed.addAll(link.facts()));
            facts.forEach(delivery -> {
                if (delivery.event() instanceof ProfileEvent.ForCustomer forCustomer) {
                    addressed.add(new Addressed(forCustomer.customerId(), new Fact(delivery.eventId(), forCustomer.facts())));
                }
            });
            return foldAll(addressed).chain(() -> unparkAll(links));
        }));
    }

    /** Each record's links in their order (a record linked twice ends with its last customer); records side by side. */
    private Uni<List<Relinked>> linkAll(List<Delivery> facts) {
        Map<Origin, List<Delivery>> byOrigin = new LinkedHashMap<>();
        for (Delivery delivery : facts) {
            if (delivery.event() instanceof ProfileEvent.Linked linked) {
                byOrigin.computeIfAbsent(linked.origin(), origin -> new ArrayList<>()).add(delivery);
            }
        }
        return concurrently(byOrigin.values(), this::linkOneRecord).map(lists -> lists.stream().flatMap(List::stream).toList());
    }

    /** What was parked goes with the record's first link in the batch, as it would one by one (the first clears it). */
    private Uni<List<Relinked>> linkOneRecord(List<Delivery> deliveries) {
        return Multi.createFrom().iterable(deliveries).onItem().transformToUniAndConcatenate(this::link).collect().asList()
                .map(relinked -> IntStream.range(0, relinked.size())
                        .mapToObj(i -> i == 0 ? relinked.get(i) : relinked.get(i).withoutParked()).toList());
    }

    private Uni<Relinked> link(Delivery delivery) {
        ProfileEvent.Linked linked = (ProfileEvent.Linked) delivery.event();
        return links.link(linked.origin(), linked.customerId()).map(link -> Relinked.of(delivery.eventId(), linked, link));
    }

    /** Back-office facts of linked records go to their customer; the others are parked (one query for all records). */
    private Uni<List<Addressed>> resolveAll(List<Delivery> facts) {
        List<Delivery> bySource = facts.stream().filter(delivery -> delivery.event() instanceof ProfileEvent.ForSourceRecord).toList();
        if (bySource.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Set<Origin> origins = bySource.stream().map(delivery -> ((ProfileEvent.ForSourceRecord) delivery.event()).origin())
                .collect(Collectors.toSet());
        return links.customersOf(origins).chain(known -> {
            List<Addressed> addressed = new ArrayList<>();
            List<Delivery> unknown = new ArrayList<>();
            for (Delivery delivery : bySource) {
                ProfileEvent.ForSourceRecord recordFacts = (ProfileEvent.ForSourceRecord) delivery.event();
                UUID customer = known.get(recordFacts.origin());
                if (customer != null) {
                    addressed.add(new Addressed(customer, new Fact(delivery.eventId(), recordFacts.facts())));
                } else {
                    unknown.add(delivery);
                }
            }
            return concurrently(unknown, this::parkUnlessLinked).map(linkedMeanwhile -> {
                linkedMeanwhile.forEach(found -> found.ifPresent(addressed::add));
                return addressed;
            });
        });
    }

    private Uni<Optional<Addressed>> parkUnlessLinked(Delivery delivery) {
        ProfileEvent.ForSourceRecord facts = (ProfileEvent.ForSourceRecord) delivery.event();
        return links.parkUnlessLinked(facts.origin(), delivery.eventId(), facts.facts())
                .map(customer -> customer.map(id -> new Addressed(id, new Fact(delivery.eventId(), facts.facts()))));
    }

    /** One write per profile; the profiles in parts of a bounded size, a bounded number of parts at a time. */
    private Uni<Void> foldAll(List<Addressed> addressed) {
        Map<UUID, List<Fact>> byCustomer = addressed.stream().collect(Collectors.groupingBy(Addressed::customerId,
                LinkedHashMap::new, Collectors.mapping(Addressed::fact, Collectors.toList())));
        List<Map<UUID, List<Fact>>> parts = new ArrayList<>();
        byCustomer.forEach((customer, facts) -> {
            if (parts.isEmpty() || parts.getLast().size() == profilesPerWrite) {
                parts.add(new LinkedHashMap<>());
            }
            parts.getLast().put(customer, facts);
        });
        return concurrently(parts, part -> profiles.foldAll(part, folding::apply)).replaceWithVoid();
    }

    private Uni<Void> unparkAll(List<Relinked> relinked) {
        return concurrently(relinked.stream().filter(link -> !link.parked().isEmpty()).toList(),
                link -> links.unpark(link.origin(), link.parked())).replaceWithVoid();
    }

    private <T, R> Uni<List<R>> concurrently(Collection<T> items, Function<? super T, Uni<? extends R>> work) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Multi.createFrom().iterable(items).onItem().transformToUni(work).merge(concurrency).collect().asList();
    }

    /** A fact and the customer whose profile takes it. */
    private record Addressed(UUID customerId, Fact fact) {
    }

    /** A link made: the link's own fact and the facts it un-parked go to the customer; the parking is cleared after. */
    private record Relinked(Origin origin, List<Fact> parked, List<Addressed> facts) {
        static Relinked of(String eventId, ProfileEvent.Linked linked, SourceLinks.Link link) {
            List<Addressed> facts = new ArrayList<>();
            facts.add(new Addressed(linked.customerId(), new Fact(eventId, linked.facts())));
            link.parked().forEach(parked -> facts.add(new Addressed(linked.customerId(), parked)));
            return new Relinked(linked.origin(), link.parked(), facts);
        }

        Relinked withoutParked() {
            return new Relinked(origin, List.of(), facts.subList(0, 1));
        }
    }

    public Uni<Void> apply(String eventId, ProfileEvent event) {
        return switch (event) {
            case ProfileEvent.ForCustomer facts -> addFacts(facts.customerId(), eventId, facts.facts());
            case ProfileEvent.ForSourceRecord facts -> links.parkUnlessLinked(facts.origin(), eventId, facts.facts())
                    .chain(customer -> customer.map(id -> addFacts(id, eventId, facts.facts()))
                            .orElseGet(() -> parked(eventId)));
            case ProfileEvent.Linked linked -> link(eventId, linked);
            case ProfileEvent.Merged merged -> Multi.createFrom().iterable(merged.mergedIds())
                    .onItem().transformToUniAndConcatenate(id -> merge(eventId, merged.survivorId(), id)).collect().last()
                    .replaceWithVoid();
            case ProfileEvent.Split split -> split(eventId, split);
            case ProfileEvent.Erased erased -> profiles.update(erased.customerId(), p -> folding.erase(p, erased.erasedAt()))
                    .replaceWithVoid();
            case ProfileEvent.Ignored ignored -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> addFacts(UUID customerId, String eventId, ProfileState facts) {
        return profiles.updateFollowingMerges(customerId, profile -> folding.apply(profile, eventId, facts)).replaceWithVoid();
    }

    private Uni<Void> parked(String eventId) {
        LOG.debugf("event %s parked until identity links its record", eventId);
        return Uni.createFrom().voidItem();
    }

    /** The link itself, then every fact parked for the record, in one write to the profile; then the parking is cleared. */
    private Uni<Void> link(String eventId, ProfileEvent.Linked linked) {
        return links.link(linked.origin(), linked.customerId()).chain(link -> profiles.updateFollowingMerges(linked.customerId(), profile -> {
            ProfileDocument withLink = folding.apply(profile, eventId, linked.facts());
            for (Fact parked : link.parked()) {
                withLink = folding.apply(withLink, parked.eventId(), parked.facts());
            }
            return withLink;
        }).chain(() -> links.unpark(linked.origin(), link.parked())));
    }

    /**
     * The profile that holds the survivor takes in the merged profile first: the survivor's own, or, when a later merge
     * of the survivor arrived first (merges travel keyed by their survivors, so in any order), the one it was merged
     * into. Only then does the merged profile become a pointer, to the survivor named, as identity keeps it.
     */
    private Uni<Void> merge(String eventId, UUID survivorId, UUID mergedId) {
        if (survivorId.equals(mergedId)) {
            return Uni.createFrom().voidItem();
        }
        return profiles.mergeChain(survivorId).chain(chain -> chain.contains(mergedId) ? loopRefused(eventId)
                : profiles.transfer(mergedId,
                        merged -> profiles.updateHolder(chain, holder -> folding.absorb(holder, merged, eventId)),
                        merged -> folding.mergedInto(merged, survivorId)).replaceWithVoid());
    }

    /**
     * The survivor's profile leads to the merged one already: the merge was undone and made the other way round since,
     * and those events came first. Pointing back would close a loop in which no profile is left to hold the facts.
     */
    private Uni<Void> loopRefused(String eventId) {
        LOG.warnf("merge %s skipped: its survivor's profile already leads to the merged customer's", eventId);
        return Uni.createFrom().voidItem();
    }

    /**
     * The moved records' links first (new facts go to the new customer from then on), then their facts move: the new
     * customer receives them before the original lets them go. A merge undone names the customer merged before as the
     * new one: its profile stops pointing to the survivor first, else its facts would follow the pointer back. The facts
     * leave the profile that holds the original now: the one it was merged into since, when that merge came first.
     */
    private Uni<Void> split(String eventId, ProfileEvent.Split split) {
        return Multi.createFrom().iterable(split.moved())
                .onItem().transformToUniAndConcatenate(origin -> links.link(origin, split.newCustomerId())).collect().last()
                .chain(() -> profiles.update(split.newCustomerId(), folding::standingAlone))
                .chain(() -> profiles.mergeChain(split.originalId()))
                .chain(chain -> chain.contains(split.newCustomerId()) ? Uni.createFrom().voidItem()
                        : profiles.transfer(chain.getLast(),
                                original -> addFacts(split.newCustomerId(), eventId, folding.splitPart(original, split.moved())),
                                original -> folding.splitOff(original, split.moved(), eventId)).replaceWithVoid());
    }
}
