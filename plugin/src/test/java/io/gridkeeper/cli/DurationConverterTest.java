package io.gridkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

final class DurationConverterTest {

    @Test
    void parse_unitsAndIso_readsEach() {
        assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationConverter.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationConverter.parse("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(DurationConverter.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(DurationConverter.parse("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(DurationConverter.parse("PT10M")).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void parse_noUnit_failsNamingTheValueAndTheFormats() {
        assertThatThrownBy(() -> DurationConverter.parse("10"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessage("'10' is not a duration: use a number with a unit (500ms, 90s, 15m, 2h, 1d) or ISO-8601"
                        + " (PT15M)");
    }

    @Test
    void show_durations_shortForPeople() {
        assertThat(DurationConverter.show(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(DurationConverter.show(Duration.ofSeconds(150))).isEqualTo("2m 30s");
        assertThat(DurationConverter.show(Duration.ofMinutes(125))).isEqualTo("2h 5m");
    }
}
