package io.gridkeeper.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.InvalidConfigurationException;
import io.gridkeeper.migration.policy.CompositePolicy;
import io.gridkeeper.migration.policy.DelayedPolicy;
import io.gridkeeper.migration.policy.ImmediatePolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class MigrationPoliciesTest {

    private final MigrationPolicies policies = MigrationPolicies.load();

    @Test
    void load_serviceLoader_findsBuiltInsAndThirdPartyPolicies() {
        assertThat(policies.names())
                .containsExactly("debounce", "delayed", "immediate", "load-aware", "manual", "test-freeze", "window");
    }

    @Test
    void create_thirdPartyPolicy_decidesWithItsOwnSettings() {
        MigrationPolicy policy = policies.create("test-freeze", Map.of("freeze-seconds", "45"));
        Instant now = Instant.parse("2026-11-21T10:00:00Z");

        Decision decision = policy.decide(
                ClusterView.builder(Clock.fixed(now, ZoneOffset.UTC)).build());

        assertThat(decision).isEqualTo(Decision.hold("test-freeze", now.plusSeconds(45), "frozen [freeze-seconds=45]"));
    }

    @Test
    void create_commaSeparatedNames_buildsCompositeInOrder() {
        MigrationPolicy policy = policies.create(" delayed , window ", Map.of("start", "02:00", "end", "04:00"));

        assertThat(policy).isInstanceOf(CompositePolicy.class);
        assertThat(policy.name()).isEqualTo("delayed,window");
    }

    @Test
    void create_unknownName_listsKnownPolicies() {
        assertThatThrownBy(() -> policies.create("delayed,dlayed", Map.of()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Unknown migration policy [dlayed] in [policy=delayed,dlayed]; known policies: [debounce,"
                        + " delayed, immediate, load-aware, manual, test-freeze, window]");
    }

    @Test
    void create_sameNameTwice_isRejected() {
        assertThatThrownBy(() -> policies.create("delayed,delayed", Map.of()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Migration policy [delayed] appears twice in [policy=delayed,delayed]");
    }

    @Test
    void create_emptyName_isRejected() {
        assertThatThrownBy(() -> policies.create("delayed,", Map.of()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Property 'policy' must be a policy name or a comma-separated list of them");
    }

    @Test
    void create_unknownSetting_isRejectedNamingIt() {
        assertThatThrownBy(() -> policies.create("delayed", Map.of("grace-secs", "10")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Unknown migration setting 'grace-secs'; known settings: [")
                .hasMessageContaining("grace-seconds");
    }

    @Test
    void decider_noPolicyConfigured_isImmediate() {
        assertThat(policies.decider(Map.of()).policy()).isInstanceOf(ImmediatePolicy.class);
    }

    @Test
    void decider_policyAndGuardSettings_areBothApplied() {
        MigrationDecider decider =
                policies.decider(Map.of("policy", "delayed", "grace-seconds", "90", "max-unprotected-seconds", "120"));

        assertThat(((DelayedPolicy) decider.policy()).grace()).hasSeconds(90);
        assertThat(decider.guard().maxUnprotected()).hasSeconds(120);
    }

    @Test
    void of_duplicateFactoryNames_isRejected() {
        List<MigrationPolicyFactory> twice = List.of(new DelayedPolicy.Factory(), new DelayedPolicy.Factory());

        assertThatThrownBy(() -> MigrationPolicies.of(twice))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("Migration policy [delayed] is registered twice");
    }
}
