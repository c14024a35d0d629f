package io.gridkeeper.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads durations such as {@code 90s}, {@code 15m}, {@code 2h}, {@code 1d}, {@code 500ms} or ISO {@code PT10M}. */
final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    static Duration parse(String value) {
        String trimmed = value.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = SIMPLE.matcher(trimmed);
        try {
            if (matcher.matches()) {
                long amount = Long.parseLong(matcher.group(1));
                return switch (matcher.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            }
            if (trimmed.startsWith("pt") || trimmed.startsWith("p")) {
                return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            }
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            // Reported below.
        }
        throw new TypeConversionException("'" + value
                + "' is not a duration: use a number with a unit (500ms, 90s, 15m, 2h, 1d) or ISO-8601" + " (PT15M)");
    }

    /** {@code 90s}, {@code 15m}, {@code 2h 5m}: short, for people. */
    static String show(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + "s");
        }
        return seconds / 3600 + "h" + (seconds % 3600 / 60 == 0 ? "" : " " + seconds % 3600 / 60 + "m");
    }
}
