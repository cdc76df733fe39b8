package io.tikun.routing.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Business time is the real time that passes while the office is open: on working days, between opening
 * and closing on the zone's wall clock, except on holidays; half-days close early.
 *
 * <p>
 * Opening and closing are wall-clock times, so on a day whose clocks jump they mark the first moment the
 * wall clock shows that time: a time skipped by a spring-forward gap becomes the instant of the jump, and
 * a time repeated in an autumn overlap counts from its first occurrence. Such a day holds less or more
 * real business time, and deadlines follow the real time the customer waits.
 *
 * @param zone the zone whose wall clock and dates the calendar is read in
 * @param workingDays days of the week on which the office opens; never empty
 * @param opening wall-clock opening time
 * @param closing wall-clock closing time, after {@code opening}
 * @param holidays dates on which the office stays closed even on a working day
 * @param halfDays working dates on which the office closes at {@code halfDayClosing}; a holiday wins
 * @param halfDayClosing early closing time, after {@code opening} and not after {@code closing}
 */
public record OfficeHoursCalendar(ZoneId zone, Set<DayOfWeek> workingDays, LocalTime opening, LocalTime closing,
        Set<LocalDate> holidays, Set<LocalDate> halfDays, LocalTime halfDayClosing) implements BusinessCalendar {

    public OfficeHoursCalendar {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(workingDays, "workingDays");
        Objects.requireNonNull(opening, "opening");
        Objects.requireNonNull(closing, "closing");
        Objects.requireNonNull(holidays, "holidays");
        Objects.requireNonNull(halfDays, "halfDays");
        Objects.requireNonNull(halfDayClosing, "halfDayClosing");
        // Without a working day no deadline could ever be reached.
        if (workingDays.isEmpty()) {
            throw new IllegalArgumentException("A business calendar needs at least one working day");
        }
        if (!opening.isBefore(closing)) {
            throw new IllegalArgumentException("Opening " + opening + " must be before closing " + closing);
        }
        if (!opening.isBefore(halfDayClosing) || halfDayClosing.isAfter(closing)) {
            throw new IllegalArgumentException("Half-day closing " + halfDayClosing + " must be after opening "
                    + opening + " and not after closing " + closing);
        }
        workingDays = Collections.unmodifiableSet(EnumSet.copyOf(workingDays));
        holidays = Set.copyOf(holidays);
        halfDays = Set.copyOf(halfDays);
    }

    /** A calendar without holidays or half-days. */
    public static OfficeHoursCalendar of(ZoneId zone, Set<DayOfWeek> workingDays, LocalTime opening,
            LocalTime closing) {
        return new OfficeHoursCalendar(zone, workingDays, opening, closing, Set.of(), Set.of(), closing);
    }

    /** The calendar {@code tikun.routing.sla.*} describes. */
    public static OfficeHoursCalendar from(SlaConfig config) {
        return new OfficeHoursCalendar(config.timeZone(), config.workingDays(), config.opening(),
                config.closing(), Set.copyOf(config.holidays().orElse(List.of())),
                Set.copyOf(config.halfDays().orElse(List.of())), config.halfDayClosing());
    }

    /** This calendar with these dates added to its holidays. */
    public OfficeHoursCalendar withHolidays(LocalDate... dates) {
        Set<LocalDate> more = new HashSet<>(holidays);
        more.addAll(Arrays.asList(dates));
        return new OfficeHoursCalendar(zone, workingDays, opening, closing, more, halfDays, halfDayClosing);
    }

    /** This calendar with these dates closing early at {@code earlyClosing}. */
    public OfficeHoursCalendar withHalfDays(LocalTime earlyClosing, LocalDate... dates) {
        Set<LocalDate> more = new HashSet<>(halfDays);
        more.addAll(Arrays.asList(dates));
        return new OfficeHoursCalendar(zone, workingDays, opening, closing, holidays, more, earlyClosing);
    }

    @Override
    public Instant addBusinessTime(Instant start, Duration amount) {
        Objects.requireNonNull(start, "start");
        requireNotNegative(amount);
        if (amount.isZero()) {
            return start;
        }
        Duration remaining = amount;
        // Terminates: at least one weekday is a working day and only finitely many dates are holidays.
        for (LocalDate date = dateOf(start);; date = date.plusDays(1)) {
            Optional<Window> window = windowOn(date);
            if (window.isEmpty()) {
                continue;
            }
            Instant from = later(start, window.get().opensAt());
            Instant closesAt = window.get().closesAt();
            if (!from.isBefore(closesAt)) {
                continue;
            }
            Duration available = Duration.between(from, closesAt);
            if (remaining.compareTo(available) <= 0) {
                return from.plus(remaining);
            }
            remaining = remaining.minus(available);
        }
    }

    @Override
    public Duration businessTimeBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            return businessTimeBetween(to, from).negated();
        }
        Duration total = Duration.ZERO;
        LocalDate last = dateOf(to);
        for (LocalDate date = dateOf(from); !date.isAfter(last); date = date.plusDays(1)) {
            Optional<Window> window = windowOn(date);
            if (window.isPresent()) {
                Instant overlapStart = later(from, window.get().opensAt());
                Instant overlapEnd = earlier(to, window.get().closesAt());
                if (overlapStart.isBefore(overlapEnd)) {
                    total = total.plus(Duration.between(overlapStart, overlapEnd));
                }
            }
        }
        return total;
    }

    @Override
    public boolean isOpen(Instant at) {
        Objects.requireNonNull(at, "at");
        return windowOn(dateOf(at)).map(window -> window.contains(at)).orElse(false);
    }

    @Override
    public Instant nextOpening(Instant at) {
        Objects.requireNonNull(at, "at");
        for (LocalDate date = dateOf(at);; date = date.plusDays(1)) {
            Optional<Window> window = windowOn(date);
            if (window.isPresent() && at.isBefore(window.get().closesAt())) {
                return later(at, window.get().opensAt());
            }
        }
    }

    /** Whether business time runs at all on this date. */
    public boolean isBusinessDay(LocalDate date) {
        return windowOn(date).isPresent();
    }

    private Optional<Window> windowOn(LocalDate date) {
        if (!workingDays.contains(date.getDayOfWeek()) || holidays.contains(date)) {
            return Optional.empty();
        }
        LocalTime closingThatDay = halfDays.contains(date) ? halfDayClosing : closing;
        Instant opensAt = firstMomentShowing(date.atTime(opening));
        Instant closesAt = firstMomentShowing(date.atTime(closingThatDay));
        // Both ends inside one spring-forward gap leave nothing open.
        return opensAt.isBefore(closesAt) ? Optional.of(new Window(opensAt, closesAt)) : Optional.empty();
    }

    private Instant firstMomentShowing(LocalDateTime wallClock) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(wallClock);
        if (transition != null && transition.isGap()) {
            // The skipped time is never shown; the first moment after it is the jump itself.
            return transition.getInstant();
        }
        // In an overlap ZonedDateTime.of picks the earlier offset: the first time the clock shows it.
        return ZonedDateTime.of(wallClock, zone).toInstant();
    }

    private LocalDate dateOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    static void requireNotNegative(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("Business time to add must not be negative: " + amount);
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** One day's open hours as instants: open from {@code opensAt} inclusive to {@code closesAt} exclusive. */
    private record Window(Instant opensAt, Instant closesAt) {

        boolean contains(Instant at) {
            return !at.isBefore(opensAt) && at.isBefore(closesAt);
        }
    }
}
