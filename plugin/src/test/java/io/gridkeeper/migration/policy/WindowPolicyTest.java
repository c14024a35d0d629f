package io.gridkeeper.migration.policy;

import static io.gridkeeper.migration.policy.Views.T0;
import static io.gridkeeper.migration.policy.Views.at;
import static io.gridkeeper.migration.policy.Views.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.InvalidConfigurationException;
import io.gridkeeper.migration.Decision;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** T0 is Saturday 2026-11-21 10:00 UTC. */
final class WindowPolicyTest {

    private static final WindowPolicy.Factory FACTORY = new WindowPolicy.Factory();

    @Test
    void decide_insideWindow_rebalances() {
        WindowPolicy policy = FACTORY.create(settings("days", "SAT,SUN", "start", "09:00", "end", "11:00"));

        Decision decision = policy.decide(at(0).departure("n4", null, T0).build());

        assertThat(decision)
                .isEqualTo(Decision.rebalance(
                        "window",
                        "inside the maintenance window until [2026-11-21T11:00:00Z] [days=SAT,SUN] [start=09:00]"
                                + " [end=11:00] [zone=UTC]"));
    }

    @Test
    void decide_outsideWindow_holdsUntilNextWindowInItsTimeZone() {
        WindowPolicy policy = FACTORY.create(settings(
                "days",
                "mon-fri",
                "start",
                "2:00",
                "end",
                "04:00",
                "zone",
                "Europe/Berlin",
                "max-defer-seconds",
                "259200"));

        Decision decision = policy.decide(at(60).departure("n4", null, T0).build());

        assertThat(decision)
                .isEqualTo(Decision.hold(
                        "window",
                        Instant.parse("2026-11-23T01:00:00Z"),
                        "outside the maintenance window, next one opens at [2026-11-23T01:00:00Z] [days=MON,TUE,WED,"
                                + "THU,FRI] [start=02:00] [end=04:00] [zone=Europe/Berlin]; left [n4], waiting at"
                                + " most until [2026-11-24T10:00:00Z] [max-defer-seconds=259200]"));
    }

    @Test
    void decide_nextWindowAfterMaxDefer_holdEndsAtMaxDefer() {
        WindowPolicy policy = FACTORY.create(
                settings("days", "MON-FRI", "start", "02:00", "end", "04:00", "max-defer-seconds", "3600"));

        Decision decision = policy.decide(at(60).departure("n4", null, T0).build());

        assertThat(decision.until()).isEqualTo(T0.plusSeconds(3600));
    }

    @Test
    void decide_maxDeferPassed_rebalancesOutsideWindow() {
        WindowPolicy policy = FACTORY.create(
                settings("days", "MON-FRI", "start", "02:00", "end", "04:00", "max-defer-seconds", "3600"));

        Decision decision = policy.decide(at(3600).departure("n4", null, T0).build());

        assertThat(decision)
                .isEqualTo(Decision.rebalance(
                        "window",
                        "outside the maintenance window, but changes pending since [2026-11-21T10:00:00Z] waited"
                                + " [3600s], the limit [max-defer-seconds=3600]"));
    }

    @Test
    void decide_windowCrossingMidnight_belongsToTheDayItStarts() {
        WindowPolicy policy = FACTORY.create(
                settings("days", "FRI", "start", "22:00", "end", "02:00", "max-defer-seconds", "864000"));

        Decision insideOnSaturdayNight = policy.decide(at(-9 * 3600).build());
        Decision afterItClosed = policy.decide(at(0).build());

        assertThat(insideOnSaturdayNight.isRebalance()).isTrue();
        assertThat(insideOnSaturdayNight.explanation()).contains("until [2026-11-21T02:00:00Z]");
        assertThat(afterItClosed.until()).isEqualTo(Instant.parse("2026-11-27T22:00:00Z"));
    }

    @Test
    void factory_unknownDay_namesKeyValueAndForm() {
        assertThatThrownBy(() -> FACTORY.create(settings("days", "MON,FUN", "start", "02:00", "end", "04:00")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Property 'days' must be day names or ranges such as MON-FRI or SAT,SUN but was [MON,FUN]");
    }

    @Test
    void factory_missingStart_namesKeyAndForm() {
        assertThatThrownBy(() -> FACTORY.create(settings("end", "04:00").scoped("window")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Property 'start' is required by policy [window]: a time of day H:mm such as 02:00");
    }

    @Test
    void factory_badTime_namesKeyValueAndForm() {
        assertThatThrownBy(() -> FACTORY.create(settings("start", "2am", "end", "04:00")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Property 'start' must be a time of day H:mm such as 02:00 but was [2am]");
    }

    @Test
    void factory_endEqualsStart_namesBothKeys() {
        assertThatThrownBy(() -> FACTORY.create(settings("start", "02:00", "end", "2:00")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Property 'end' must be different from start [02:00] but was [2:00]");
    }

    @Test
    void factory_unknownZone_namesKeyValueAndForm() {
        assertThatThrownBy(() -> FACTORY.create(settings("start", "02:00", "end", "04:00", "zone", "Mars/Olympus")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Property 'zone' must be a time-zone id such as UTC, Europe/Berlin or +02:00 but was"
                        + " [Mars/Olympus]");
    }
}
