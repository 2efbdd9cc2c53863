package dev.panorama.profile.folding;

import dev.panorama.events.backoffice.AccountUpdated;
import dev.panorama.events.backoffice.CaseClosed;
import dev.panorama.events.backoffice.CaseKind;
import dev.panorama.events.backoffice.CaseOpened;
import dev.panorama.events.backoffice.OfferSent;
import dev.panorama.events.backoffice.OrderLine;
import dev.panorama.events.backoffice.OrderPlaced;
import dev.panorama.events.channel.Channel;
import dev.panorama.events.channel.Direction;
import dev.panorama.events.common.Identifier;
import dev.panorama.events.common.PersonName;
import dev.panorama.events.common.SourceRef;
import dev.panorama.events.interaction.InteractionLogged;
import dev.panorama.events.interaction.InteractionUpdated;
import dev.panorama.events.routing.TaskAssigned;
import dev.panorama.events.routing.TaskCompleted;
import dev.panorama.events.routing.TaskCreated;
import dev.panorama.events.routing.TaskOutcome;
import dev.panorama.events.source.SourceRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Events about one customer from small pools of ids, times and values, so that the same fact arrives in several
 * versions, with equal timestamps, in any order: what redelivery and disorder look like.
 */
final class GeneratedEvents {

    static final UUID CUSTOMER = UUID.fromString("00000000-0000-7000-8000-000000000001");
    static final List<String> SYSTEMS = List.of("crm", "billing");
    static final List<String> NUMBERS = List.of("C-1", "C-2");
    /** Addresses of channel-email sender records as a contact names them; "" for a contact naming none. */
    static final List<String> SENDERS = List.of("ann@example.org", " Bob@Example.org", "");

    private GeneratedEvents() {
    }

    /** An event with its CloudEvents id; a redelivery repeats the id. */
    record Delivered(String id, Object event) {
    }

    static Arbitrary<Delivered> delivered() {
        return event().map(event -> new Delivered("ce-" + event.toString().hashCode(), event));
    }

    static Arbitrary<Object> event() {
        return Arbitraries.oneOf(List.of(account(), order(), caseOpened(), caseClosed(), offer(), sourceRecord(), logged(),
                updated(), taskCreated(), taskAssigned(), taskCompleted()));
    }

    private static Arbitrary<Instant> time() {
        return Arbitraries.integers().between(0, 5).map(n -> Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n * 3600L));
    }

    private static Arbitrary<String> system() {
        return Arbitraries.of(SYSTEMS);
    }

    private static Arbitrary<String> number() {
        return Arbitraries.of(NUMBERS);
    }

    private static Arbitrary<String> id(String prefix) {
        return Arbitraries.integers().between(1, 3).map(n -> prefix + n);
    }

    private static Arbitrary<UUID> uuid() {
        return Arbitraries.integers().between(1, 3).map(n -> new UUID(42, n));
    }

    private static Arbitrary<Object> account() {
        return Combinators.combine(system(), number(), id("A-"), Arbitraries.of("open", "closed", "frozen"),
                Arbitraries.integers().between(0, 200_000), time())
                .as((s, n, a, status, balance, at) -> new AccountUpdated(s, n, a, "current", "retail", status,
                        BigDecimal.valueOf(balance), "EUR", LocalDate.of(2020, 1, 1), at));
    }

    private static Arbitrary<Object> order() {
        return Combinators.combine(system(), number(), id("O-"), Arbitraries.integers().between(1, 4), time())
                .as((s, n, o, qty, at) -> new OrderPlaced(s, n, o, List.of(new OrderLine("SKU-1", "thing", qty, BigDecimal.TEN)),
                        BigDecimal.TEN.multiply(BigDecimal.valueOf(qty)), "EUR", at));
    }

    private static Arbitrary<Object> caseOpened() {
        return Combinators.combine(system(), number(), id("K-"), Arbitraries.of(CaseKind.class), time())
                .as((s, n, c, kind, at) -> new CaseOpened(s, n, c, kind, "subject", "high", at));
    }

    private static Arbitrary<Object> caseClosed() {
        return Combinators.combine(system(), number(), id("K-"), Arbitraries.of("fixed", "refunded"), time())
                .as((s, n, c, resolution, at) -> new CaseClosed(s, n, c, resolution, at));
    }

    private static Arbitrary<Object> offer() {
        return Combinators.combine(system(), number(), id("F-"), Arbitraries.of(Channel.EMAIL, Channel.SMS), time())
                .as((s, n, f, channel, at) -> new OfferSent(s, n, f, "camp-" + f, "ref-" + f, channel, "card", at));
    }

    private static Arbitrary<Object> sourceRecord() {
        return Combinators.combine(system(), number(), Arbitraries.of("Ann", "Anne"), time())
                .as((s, n, given, at) -> new SourceRecord(s, n, at, new PersonName(null, given, null, "Lee", null), null,
                        List.of(given.toLowerCase() + "@example.org"), List.of("+441234567"), List.of(),
                        List.of(new Identifier("customer-number", n, s))));
    }

    private static Arbitrary<Object> logged() {
        return Combinators.combine(uuid(), Arbitraries.of(Channel.EMAIL, Channel.PHONE, Channel.CHAT),
                Arbitraries.of(Direction.class), time(), Arbitraries.integers().between(1, 3), Arbitraries.of(SENDERS))
                .as((i, channel, direction, at, version, sender) -> new InteractionLogged(i, CUSTOMER, null, channel, direction, at,
                        "mail", "m-" + i, true, null, List.of(), "ref-F-1", version,
                        sender.isEmpty() ? null : new SourceRef("channel-email", sender)));
    }

    private static Arbitrary<Object> updated() {
        return Combinators.combine(uuid(), Arbitraries.integers().between(1, 3), Arbitraries.of("resolved", "callback"), time())
                .as((i, version, disposition, at) -> new InteractionUpdated(i, CUSTOMER, version, disposition, List.of("t"),
                        "alice", at));
    }

    private static Arbitrary<Object> taskCreated() {
        return Combinators.combine(uuid(), Arbitraries.integers().between(1, 5), time())
                .as((t, priority, at) -> new TaskCreated(t, CUSTOMER, null, Channel.PHONE, "q-1", priority, List.of(), at));
    }

    private static Arbitrary<Object> taskAssigned() {
        return Combinators.combine(uuid(), Arbitraries.of("agent-1", "agent-2"), time())
                .as((t, agent, at) -> new TaskAssigned(t, agent, CUSTOMER, Channel.PHONE, "q-1", 1000, at));
    }

    private static Arbitrary<Object> taskCompleted() {
        return Combinators.combine(uuid(), Arbitraries.of("agent-1", "agent-2"), Arbitraries.of(TaskOutcome.class), time())
                .as((t, agent, outcome, at) -> new TaskCompleted(t, agent, CUSTOMER, outcome, "done", 2000, at));
    }
}
