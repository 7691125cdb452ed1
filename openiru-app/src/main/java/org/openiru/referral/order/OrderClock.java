package org.openiru.referral.order;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one-hour clock of a removal order (TCO Art. 3(3), (7), (8)), derived from facts and nothing else: when the
 * platform received the order, its answers per item, and the order's own events. Each item runs its own
 * deadline, because the platform answers per item: an Annex III answer pauses that item until the unit's
 * clarification (manifest error, insufficient information: Art. 3(8)) or until the platform says the force
 * majeure or de facto impossibility ceased (Art. 3(7)); either starts a fresh hour from that moment.
 */
public final class OrderClock {
    public static final Duration PERIOD = Duration.ofHours(1);

    public enum State { NOT_RECEIVED, RUNNING, PAUSED, MET, BREACHED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Why an item waits: for the issuing authority's clarification, or for the platform's obstacle to end. */
    public enum Pause { CLARIFICATION, REASONS_CEASED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A platform answer to one item: Annex II ({@code removed}, {@code access_disabled}) or Annex III. */
    public record Answer(long itemId, String answer, String reasonCode, Instant actedAt, Instant recordedAt) {
    }

    /** An order event: {@code clarification} or {@code reasons_ceased} (others, e.g. {@code breached}, are results). */
    public record Event(String kind, Instant at) {
    }

    /** One item's clock: its deadline while running, why it waits while paused, when it was done. */
    public record Item(long itemId, Instant deadline, Pause pause, Instant doneAt) {
        public boolean done() {
            return doneAt != null;
        }
    }

    /**
     * @param deadline the earliest deadline in force (RUNNING, or the one missed when BREACHED); null otherwise
     * @param pause    when PAUSED: clarification if any item waits for one, else reasons_ceased
     * @param missed   every deadline that passed without an answer, oldest first (one breach each)
     */
    public record Result(State state, Instant deadline, Pause pause, List<Instant> missed, Map<Long, Item> items) {
    }

    private OrderClock() {
    }

    public static Result fold(Instant receivedAt, List<Long> itemIds, List<Answer> answers, List<Event> events,
                              Instant now) {
        Map<Long, Item> items = new LinkedHashMap<>();
        if (receivedAt == null) {
            itemIds.forEach(id -> items.put(id, new Item(id, null, null, null)));
            return new Result(State.NOT_RECEIVED, null, null, List.of(), items);
        }
        itemIds.forEach(id -> items.put(id, new Item(id, receivedAt.plus(PERIOD), null, null)));
        Set<Instant> missed = new TreeSet<>();
        for (Step s : steps(answers, events)) {
            overdue(items, s.at, missed);
            if (s.answer != null) {
                answer(items, s.answer, missed);
            } else {
                resume(items, s.event);
            }
        }
        overdue(items, now, missed);
        return result(items, List.copyOf(missed), now);
    }

    /**
     * Annex II answers at the time of the action they state (never later than we learned it: the platform may
     * report a removal after the fact), Annex III answers when we learned them, events at their time; an answer
     * first on a tie.
     */
    private record Step(Instant at, int order, Answer answer, Event event) {
    }

    private static List<Step> steps(List<Answer> answers, List<Event> events) {
        List<Step> steps = new ArrayList<>();
        answers.forEach(a -> steps.add(new Step(annexTwo(a) && a.actedAt().isBefore(a.recordedAt()) ? a.actedAt()
                : a.recordedAt(), 0, a, null)));
        events.stream().filter(e -> e.kind().equals("clarification") || e.kind().equals("reasons_ceased"))
                .forEach(e -> steps.add(new Step(e.at(), 1, null, e)));
        steps.sort(Comparator.comparing(Step::at).thenComparing(Step::order));
        return steps;
    }

    private static boolean annexTwo(Answer a) {
        return a.answer().equals("removed") || a.answer().equals("access_disabled");
    }

    /** Deadlines of running items that passed before {@code at} are missed (acting at the deadline is in time). */
    private static void overdue(Map<Long, Item> items, Instant at, Set<Instant> missed) {
        for (Item i : items.values()) {
            if (!i.done() && i.deadline() != null && i.deadline().isBefore(at)) {
                missed.add(i.deadline());
            }
        }
    }

    private static void answer(Map<Long, Item> items, Answer a, Set<Instant> missed) {
        Item i = items.get(a.itemId());
        if (i == null || i.done()) {
            return;
        }
        switch (a.answer()) {
            case "removed", "access_disabled" -> {
                // Annex II states the time of the action; acting after the deadline in force misses it.
                if (i.deadline() != null && a.actedAt().isAfter(i.deadline())) {
                    missed.add(i.deadline());
                }
                items.put(i.itemId(), new Item(i.itemId(), i.deadline(), null, a.actedAt()));
            }
            case "cannot_execute", "need_information" -> {
                Pause p = switch (a.reasonCode()) {
                    case "force_majeure", "de_facto_impossibility" -> Pause.REASONS_CEASED;
                    default -> Pause.CLARIFICATION;
                };
                items.put(i.itemId(), new Item(i.itemId(), null, p, null));
            }
            default -> {
                // referral answers (geo_blocked, rejected) do not answer an order: its clock runs on
            }
        }
    }

    private static void resume(Map<Long, Item> items, Event e) {
        Pause waitingFor = e.kind().equals("clarification") ? Pause.CLARIFICATION : Pause.REASONS_CEASED;
        for (Item i : List.copyOf(items.values())) {
            if (!i.done() && i.pause() == waitingFor) {
                items.put(i.itemId(), new Item(i.itemId(), e.at().plus(PERIOD), null, null));
            }
        }
    }

    private static Result result(Map<Long, Item> items, List<Instant> missed, Instant now) {
        List<Item> open = items.values().stream().filter(i -> !i.done()).toList();
        if (open.isEmpty()) {
            return missed.isEmpty() ? new Result(State.MET, null, null, missed, items)
                    : new Result(State.BREACHED, missed.get(0), null, missed, items);
        }
        Instant earliest = open.stream().map(Item::deadline).filter(java.util.Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        if (earliest != null) {
            return new Result(earliest.isBefore(now) ? State.BREACHED : State.RUNNING, earliest, null, missed, items);
        }
        Pause pause = open.stream().anyMatch(i -> i.pause() == Pause.CLARIFICATION) ? Pause.CLARIFICATION
                : Pause.REASONS_CEASED;
        return new Result(State.PAUSED, null, pause, missed, items);
    }
}
