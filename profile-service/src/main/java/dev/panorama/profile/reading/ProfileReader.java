package dev.panorama.profile.reading;

import dev.panorama.events.backoffice.CaseKind;
import dev.panorama.events.channel.Channel;
import dev.panorama.events.channel.Direction;
import dev.panorama.profile.folding.Contact;
import dev.panorama.profile.folding.Holding;
import dev.panorama.profile.folding.OfferReceived;
import dev.panorama.profile.folding.ProfileDocument;
import dev.panorama.profile.folding.ProfileState;
import dev.panorama.profile.folding.ServiceCase;
import dev.panorama.profile.folding.ServedTask;
import dev.panorama.profile.folding.SourceContact;
import dev.panorama.profile.phones.PhoneKeys;
import dev.panorama.profile.reading.ProfileView.AgentContact;
import dev.panorama.profile.reading.ProfileView.Answer;
import dev.panorama.profile.reading.ProfileView.CaseView;
import dev.panorama.profile.reading.ProfileView.ChannelSummary;
import dev.panorama.profile.reading.ProfileView.HoldingView;
import dev.panorama.profile.reading.ProfileView.InteractionSummary;
import dev.panorama.profile.reading.ProfileView.OfferView;
import dev.panorama.profile.reading.ProfileView.OrderView;
import dev.panorama.profile.reading.ProfileView.SourceAccount;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Derives what the API shows (summaries, tier, segments, insights) from a stored profile, at a given moment. */
public final class ProfileReader {

    private static final Comparator<Instant> LATEST_FIRST = Comparator.nullsLast(Comparator.<Instant>reverseOrder());

    private final ProfileRules rules;
    private final PhoneKeys phoneKeys;

    public ProfileReader(ProfileRules rules, PhoneKeys phoneKeys) {
        this.rules = rules;
        this.phoneKeys = phoneKeys;
    }

    public ProfileView view(ProfileDocument profile, Instant now) {
        if (profile.merged()) {
            return ProfileView.pointer(profile.customerId(), profile.mergedInto());
        }
        ProfileState state = profile.state();
        List<SourceContact> newestFirst = state.contacts().stream()
                .sorted(Comparator.comparing(SourceContact::updatedAt, LATEST_FIRST)).toList();
        BigDecimal value = relationshipValue(state);
        List<CaseView> open = openCases(state);
        List<OfferView> offers = offers(state);
        List<SourceAccount> accounts = sourceAccounts(state);
        List<OfferView> recentOffers = offers.stream()
                .filter(offer -> offer.sentAt() != null && offer.sentAt().isAfter(now.minus(rules.recentOfferWindow()))).toList();
        return new ProfileView(profile.customerId(), null, name(newestFirst), distinct(newestFirst, SourceContact::emails),
                phones(newestFirst), distinct(newestFirst, SourceContact::identifiers), accounts,
                holdings(state), value, recentOrders(state), open, recentlyClosed(state, now), returnsAndWarranty(state),
                offers, interactions(state), tier(value), segments(value, state, accounts, now), recentAgents(state),
                new ProfileView.Insights(otherAccounts(accounts),
                        new Answer<>(!recentOffers.isEmpty(), recentOffers), new Answer<>(!open.isEmpty(), open)));
    }

    /** What routing needs: tier, a priority, the open cases and who served the customer lately. */
    public RoutingHints routingHints(ProfileDocument profile, Instant now) {
        ProfileView view = view(profile, now);
        int priority = (view.segments().contains("vip") ? 3 : 0) + (view.segments().contains("at-risk") ? 2 : 0)
                + (view.openCases().isEmpty() ? 0 : 1);
        return new RoutingHints(view.customerId(), view.tier(), priority, view.segments(), view.openCases().size(),
                view.openCases(), view.recentAgents());
    }

    private static String name(List<SourceContact> newestFirst) {
        return newestFirst.stream().map(SourceContact::name).filter(Objects::nonNull)
                .map(name -> name.full() != null ? name.full()
                        : String.join(" ", java.util.stream.Stream.of(name.given(), name.middle(), name.family())
                                .filter(Objects::nonNull).toList()))
                .filter(full -> !full.isBlank()).findFirst().orElse(null);
    }

    private static <T> List<T> distinct(List<SourceContact> newestFirst, java.util.function.Function<SourceContact, List<T>> values) {
        LinkedHashSet<T> seen = new LinkedHashSet<>();
        newestFirst.forEach(contact -> seen.addAll(values.apply(contact)));
        return List.copyOf(seen);
    }

    /** Each number once, as the newest source wrote it: {@code 07700 900123} and {@code +44 7700 900123} are one. */
    private List<String> phones(List<SourceContact> newestFirst) {
        List<String> written = distinct(newestFirst, SourceContact::phones);
        if (written.size() < 2) {
            return written;
        }
        Map<String, String> byNumber = new LinkedHashMap<>();
        written.forEach(phone -> byNumber.putIfAbsent(phoneKeys.read(phone).lookupDigits(), phone));
        return List.copyOf(byNumber.values());
    }

    /** Accounts with us in more than one back-office record. */
    private static Answer<SourceAccount> otherAccounts(List<SourceAccount> accounts) {
        List<SourceAccount> held = backOffice(accounts);
        return new Answer<>(held.size() > 1, held);
    }

    /** The records of back-office systems: a channel's sender record ({@link Channel#senderSystem()}) is no account. */
    private static List<SourceAccount> backOffice(List<SourceAccount> accounts) {
        return accounts.stream().filter(account -> !Channel.isSenderSystem(account.sourceSystem())).toList();
    }

    private static List<SourceAccount> sourceAccounts(ProfileState state) {
        return state.sources().stream().map(link -> new SourceAccount(link.origin().sourceSystem(),
                link.origin().customerNumber(), link.decision(), link.linkedAt())).toList();
    }

    private static List<HoldingView> holdings(ProfileState state) {
        return state.holdings().stream().map(h -> new HoldingView(h.origin().sourceSystem(), h.accountId(), h.product(),
                h.lineOfBusiness(), h.status(), h.balance(), h.currency(), h.openedOn(), h.updatedAt())).toList();
    }

    /** Sum of the active holdings' balances (one currency assumed: the installation's). */
    private static BigDecimal relationshipValue(ProfileState state) {
        return state.holdings().stream().filter(Holding::active).map(Holding::balance).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private List<OrderView> recentOrders(ProfileState state) {
        return state.purchases().stream().sorted(Comparator.comparing(p -> p.placedAt(), LATEST_FIRST)).limit(rules.recentItems())
                .map(p -> new OrderView(p.origin().sourceSystem(), p.orderId(), p.lines(), p.total(), p.currency(), p.placedAt()))
                .toList();
    }

    private static List<CaseView> openCases(ProfileState state) {
        return state.cases().stream().filter(ServiceCase::open)
                .sorted(Comparator.comparing(ProfileReader::openedAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(ProfileReader::caseView).toList();
    }

    private List<CaseView> recentlyClosed(ProfileState state, Instant now) {
        Instant since = now.minus(rules.closedCaseWindow());
        return state.cases().stream().filter(c -> !c.open() && c.closed().closedAt() != null && c.closed().closedAt().isAfter(since))
                .sorted(Comparator.comparing(c -> c.closed().closedAt(), LATEST_FIRST)).map(ProfileReader::caseView).toList();
    }

    private static List<CaseView> returnsAndWarranty(ProfileState state) {
        return state.cases().stream().filter(c -> c.opened() != null
                && (c.opened().kind() == CaseKind.RETURN || c.opened().kind() == CaseKind.WARRANTY))
                .sorted(Comparator.comparing(ProfileReader::openedAt, LATEST_FIRST)).map(ProfileReader::caseView).toList();
    }

    private static Instant openedAt(ServiceCase serviceCase) {
        return serviceCase.opened() == null ? null : serviceCase.opened().openedAt();
    }

    private static CaseView caseView(ServiceCase c) {
        ServiceCase.Opened opened = c.opened();
        ServiceCase.Closed closed = c.closed();
        return new CaseView(c.origin().sourceSystem(), c.caseId(), opened == null ? null : opened.kind(),
                opened == null ? null : opened.subject(), opened == null ? null : opened.severity(),
                opened == null ? null : opened.openedAt(), closed == null ? null : closed.closedAt(),
                closed == null ? null : closed.resolution());
    }

    private static List<OfferView> offers(ProfileState state) {
        return state.offers().stream().sorted(Comparator.comparing(OfferReceived::sentAt, LATEST_FIRST))
                .map(offer -> offerView(offer, response(offer, state.interactions()))).toList();
    }

    /** The first inbound contact quoting the offer's campaign after the offer went out. */
    private static Optional<Contact.Logged> response(OfferReceived offer, List<Contact> contacts) {
        if (offer.campaignReference() == null || offer.sentAt() == null) {
            return Optional.empty();
        }
        return contacts.stream().map(Contact::logged).filter(Objects::nonNull)
                .filter(l -> l.direction() == Direction.INBOUND && offer.campaignReference().equals(l.campaignReference())
                        && l.occurredAt() != null && !l.occurredAt().isBefore(offer.sentAt()))
                .min(Comparator.comparing(Contact.Logged::occurredAt));
    }

    private static OfferView offerView(OfferReceived offer, Optional<Contact.Logged> response) {
        return new OfferView(offer.origin().sourceSystem(), offer.offerId(), offer.campaignId(), offer.campaignReference(),
                offer.channel(), offer.product(), offer.sentAt(), response.isPresent() ? "RESPONDED" : "NONE",
                response.map(Contact.Logged::occurredAt).orElse(null));
    }

    private static InteractionSummary interactions(ProfileState state) {
        Map<Channel, long[]> counts = new EnumMap<>(Channel.class);
        Map<Channel, Instant> last = new EnumMap<>(Channel.class);
        state.interactions().stream().map(Contact::logged).filter(Objects::nonNull).forEach(logged -> {
            long[] count = counts.computeIfAbsent(logged.channel(), channel -> new long[2]);
            count[0]++;
            if (logged.direction() == Direction.INBOUND) {
                count[1]++;
            }
            last.merge(logged.channel(), logged.occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
        });
        List<ChannelSummary> channels = new ArrayList<>();
        counts.forEach((channel, count) -> channels.add(new ChannelSummary(channel, count[0], count[1], last.get(channel))));
        Channel preferred = channels.stream().filter(c -> c.inbound() > 0)
                .max(Comparator.comparingLong(ChannelSummary::inbound).thenComparing(ChannelSummary::lastContact))
                .map(ChannelSummary::channel).orElse(null);
        Instant lastContact = last.values().stream().max(Comparator.naturalOrder()).orElse(null);
        return new InteractionSummary(channels.stream().mapToLong(ChannelSummary::contacts).sum(), lastContact, channels, preferred);
    }

    private String tier(BigDecimal value) {
        return rules.tiers().stream().filter(tier -> value.compareTo(tier.minimumValue()) >= 0).findFirst()
                .map(ProfileRules.Tier::name).orElse(null);
    }

    private List<String> segments(BigDecimal value, ProfileState state, List<SourceAccount> accounts, Instant now) {
        List<String> segments = new ArrayList<>();
        if (value.compareTo(rules.vipMinimumValue()) >= 0) {
            segments.add("vip");
        }
        Instant riskSince = now.minus(rules.atRiskComplaintAge());
        if (state.cases().stream().anyMatch(c -> c.open() && c.opened() != null && c.opened().kind() == CaseKind.COMPLAINT
                && c.opened().openedAt() != null && c.opened().openedAt().isBefore(riskSince))) {
            segments.add("at-risk");
        }
        if (backOffice(accounts).stream().map(SourceAccount::sourceSystem).distinct().count() > 1) {
            segments.add("multi-system");
        }
        return segments;
    }

    private List<AgentContact> recentAgents(ProfileState state) {
        return state.tasks().stream().filter(task -> task.agentId() != null)
                .sorted(Comparator.comparing(ServedTask::lastAt, LATEST_FIRST)).limit(rules.recentItems())
                .map(task -> new AgentContact(task.agentId(), task.taskId(),
                        task.assigned() != null ? task.assigned().channel() : task.created() == null ? null : task.created().channel(),
                        task.lastAt(), task.completed() == null ? null : task.completed().outcome(),
                        task.completed() == null ? null : task.completed().disposition()))
                .toList();
    }
}
