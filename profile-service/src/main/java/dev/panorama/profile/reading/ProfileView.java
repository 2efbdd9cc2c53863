package dev.panorama.profile.reading;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.panorama.events.backoffice.CaseKind;
import dev.panorama.events.backoffice.OrderLine;
import dev.panorama.events.channel.Channel;
import dev.panorama.events.common.Identifier;
import dev.panorama.events.routing.TaskOutcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The 360-degree profile as the API shows it. A customer sees the same presentation with the staff-only parts
 * left out (absent, not empty): see {@link #forCustomer()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProfileView(UUID customerId, UUID mergedInto, String name, List<String> emails, List<String> phones,
        List<Identifier> identifiers, List<SourceAccount> sourceAccounts, List<HoldingView> holdings,
        BigDecimal relationshipValue, List<OrderView> recentOrders, List<CaseView> openCases,
        List<CaseView> recentlyClosedCases, List<CaseView> returnsAndWarranty, List<OfferView> offers,
        InteractionSummary interactions, String tier, List<String> segments, List<AgentContact> recentAgents,
        Insights insights) {

    /** The customer's record in a source system: "other accounts with us". */
    public record SourceAccount(String sourceSystem, String customerNumber, String linkDecision, Instant linkedAt) {
    }

    public record HoldingView(String sourceSystem, String accountId, String product, String lineOfBusiness, String status,
            BigDecimal balance, String currency, LocalDate openedOn, Instant updatedAt) {
    }

    public record OrderView(String sourceSystem, String orderId, List<OrderLine> lines, BigDecimal total, String currency,
            Instant placedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CaseView(String sourceSystem, String caseId, CaseKind kind, String subject, String severity,
            Instant openedAt, Instant closedAt, String resolution) {
    }

    /** An offer and whether the customer answered it (an inbound contact quoting its campaign after it was sent). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OfferView(String sourceSystem, String offerId, String campaignId, String campaignReference,
            Channel channel, String product, Instant sentAt, String response, Instant respondedAt) {
    }

    public record ChannelSummary(Channel channel, long contacts, long inbound, Instant lastContact) {
    }

    /** Contacts per channel; the preferred channel is the one the customer itself uses most. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InteractionSummary(long total, Instant lastContact, List<ChannelSummary> channels, Channel preferredChannel) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AgentContact(String agentId, String taskId, Channel channel, Instant at, TaskOutcome outcome,
            String disposition) {
    }

    /** The three questions an agent asks at the moment of contact, each answered with the facts behind it. */
    public record Insights(Answer<SourceAccount> otherAccounts, Answer<OfferView> recentOffer,
            Answer<CaseView> unresolvedProblem) {
    }

    public record Answer<F>(boolean answer, List<F> facts) {
    }

    /** What the customer may see of its own profile. */
    public ProfileView forCustomer() {
        List<CaseView> ownOpen = openCases == null ? null : openCases.stream().map(ProfileView::withoutSeverity).toList();
        List<CaseView> ownClosed = recentlyClosedCases == null ? null
                : recentlyClosedCases.stream().map(ProfileView::withoutSeverity).toList();
        List<CaseView> ownReturns = returnsAndWarranty == null ? null
                : returnsAndWarranty.stream().map(ProfileView::withoutSeverity).toList();
        List<OfferView> ownOffers = offers == null ? null : offers.stream()
                .map(o -> new OfferView(null, o.offerId(), null, null, o.channel(), o.product(), o.sentAt(), null, null)).toList();
        InteractionSummary ownContacts = interactions == null ? null
                : new InteractionSummary(interactions.total(), interactions.lastContact(), interactions.channels(), null);
        return new ProfileView(customerId, mergedInto, name, emails, phones, null, null, holdings, relationshipValue,
                recentOrders, ownOpen, ownClosed, ownReturns, ownOffers, ownContacts, null, null, null, null);
    }

    private static CaseView withoutSeverity(CaseView view) {
        return new CaseView(null, view.caseId(), view.kind(), view.subject(), null, view.openedAt(), view.closedAt(),
                view.resolution());
    }

    /** The answer for an id that was merged away. */
    public static ProfileView pointer(UUID customerId, UUID survivorId) {
        return new ProfileView(customerId, survivorId, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }
}
