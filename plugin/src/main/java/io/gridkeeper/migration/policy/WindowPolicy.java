package io.gridkeeper.migration.policy;

import static io.gridkeeper.migration.policy.Evidence.at;

import io.gridkeeper.migration.ClusterView;
import io.gridkeeper.migration.Decision;
import io.gridkeeper.migration.MigrationPolicy;
import io.gridkeeper.migration.PolicySettings;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Rebalance only inside maintenance windows: on the given {@code days}, from {@code start} to {@code end} (local
 * times in {@code zone}; an end before the start crosses midnight and belongs to the day it starts). Outside a window
 * it holds until the next window opens, but changes never wait longer than {@code max-defer-seconds}.
 */
public final class WindowPolicy implements MigrationPolicy {

    public static final String NAME = "window";
    public static final String DAYS = "days";
    public static final String START = "start";
    public static final String END = "end";
    public static final String ZONE = "zone";
    public static final String MAX_DEFER_SECONDS = "max-defer-seconds";
    public static final String DEFAULT_DAYS = "MON-SUN";
    public static final String DEFAULT_ZONE = "UTC";
    public static final long DEFAULT_MAX_DEFER_SECONDS = 86_400;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm", Locale.ROOT);
    private static final DateTimeFormatter SHOW_TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final Set<DayOfWeek> days;
    private final LocalTime start;
    private final LocalTime end;
    private final ZoneId zone;
    private final PendingLimit maxDefer;
    private final String settingsText;

    public WindowPolicy(Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone, Duration maxDefer) {
        if (days.isEmpty() || start.equals(end) || maxDefer.isNegative() || maxDefer.isZero()) {
            throw new IllegalArgumentException("a window needs days, an end other than its start and a positive"
                    + " max-defer but was [" + days + " " + start + "-" + end + ", " + maxDefer + "]");
        }
        this.days = EnumSet.copyOf(days);
        this.start = start;
        this.end = end;
        this.zone = zone;
        this.maxDefer = new PendingLimit(MAX_DEFER_SECONDS, maxDefer);
        this.settingsText = String.format(
                Locale.ROOT,
                "[%s=%s] [%s=%s] [%s=%s] [%s=%s]",
                DAYS,
                this.days.stream().map(WindowPolicy::shortName).collect(Collectors.joining(",")),
                START,
                SHOW_TIME.format(start),
                END,
                SHOW_TIME.format(end),
                ZONE,
                zone.getId());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision decide(ClusterView view) {
        Instant now = view.now();
        LocalDate today = now.atZone(zone).toLocalDate();
        @Nullable Instant nextStart = null;
        for (int offset = -1; offset <= 8; offset++) {
            LocalDate date = today.plusDays(offset);
            if (!days.contains(date.getDayOfWeek())) {
                continue;
            }
            Instant opens = ZonedDateTime.of(date, start, zone).toInstant();
            Instant closes = ZonedDateTime.of(end.isAfter(start) ? date : date.plusDays(1), end, zone)
                    .toInstant();
            if (!now.isBefore(opens) && now.isBefore(closes)) {
                return Decision.rebalance(
                        NAME, "inside the maintenance window until [%s] %s", at(closes), settingsText);
            }
            if (opens.isAfter(now) && (nextStart == null || opens.isBefore(nextStart))) {
                nextStart = opens;
            }
        }
        if (nextStart == null) {
            throw new IllegalStateException("no window within 8 days of " + now + " for " + this);
        }
        if (maxDefer.reached(view)) {
            return Decision.rebalance(
                    NAME,
                    "outside the maintenance window, but %s, the limit %s",
                    maxDefer.waited(view),
                    maxDefer.setting());
        }
        Instant cap = maxDefer.cap(view);
        return Decision.hold(
                NAME,
                nextStart.isBefore(cap) ? nextStart : cap,
                "outside the maintenance window, next one opens at [%s] %s; %s, waiting %s",
                at(nextStart),
                settingsText,
                Evidence.pending(view),
                maxDefer.atMostUntil(view));
    }

    private static String shortName(DayOfWeek day) {
        return day.name().substring(0, 3);
    }

    @Override
    public String toString() {
        return NAME + settingsText + maxDefer.setting();
    }

    /** Registers {@value #NAME}. */
    public static final class Factory extends PolicyFactory<WindowPolicy> {
        private static final String TIME_ALLOWED = "a time of day H:mm such as 02:00";

        public Factory() {
            super(NAME, DAYS, START, END, ZONE, MAX_DEFER_SECONDS);
        }

        @Override
        public WindowPolicy create(PolicySettings settings) {
            Set<DayOfWeek> days = parseDays(settings);
            LocalTime start = parseTime(settings, START, settings.required(START, TIME_ALLOWED));
            LocalTime end = parseTime(settings, END, settings.required(END, TIME_ALLOWED));
            if (start.equals(end)) {
                throw settings.invalid(END, "different from " + START + " [" + SHOW_TIME.format(start) + "]");
            }
            ZoneId zone;
            try {
                zone = ZoneId.of(settings.get(ZONE).orElse(DEFAULT_ZONE));
            } catch (DateTimeException e) {
                throw settings.invalid(ZONE, "a time-zone id such as UTC, Europe/Berlin or +02:00");
            }
            Duration maxDefer = settings.seconds(MAX_DEFER_SECONDS, DEFAULT_MAX_DEFER_SECONDS, 1);
            return new WindowPolicy(days, start, end, zone, maxDefer);
        }

        private static LocalTime parseTime(PolicySettings settings, String key, String value) {
            try {
                return LocalTime.parse(value, TIME);
            } catch (DateTimeParseException e) {
                throw settings.invalid(key, TIME_ALLOWED);
            }
        }

        private static Set<DayOfWeek> parseDays(PolicySettings settings) {
            String value = settings.get(DAYS).orElse(DEFAULT_DAYS);
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String token : value.split(",", -1)) {
                String[] range = token.trim().split("-", -1);
                if (range.length > 2) {
                    throw settings.invalid(DAYS, "day names or ranges such as MON-FRI or SAT,SUN");
                }
                DayOfWeek first = day(settings, range[0]);
                DayOfWeek last = range.length == 2 ? day(settings, range[1]) : first;
                for (DayOfWeek day = first; ; day = day.plus(1)) {
                    days.add(day);
                    if (day == last) {
                        break;
                    }
                }
            }
            return days;
        }

        private static DayOfWeek day(PolicySettings settings, String text) {
            String name = text.trim().toUpperCase(Locale.ROOT);
            for (DayOfWeek day : DayOfWeek.values()) {
                if (name.length() >= 3 && day.name().startsWith(name)) {
                    return day;
                }
            }
            throw settings.invalid(DAYS, "day names or ranges such as MON-FRI or SAT,SUN");
        }
    }
}
