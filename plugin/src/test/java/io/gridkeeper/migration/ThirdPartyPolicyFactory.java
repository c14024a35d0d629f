package io.gridkeeper.migration;

import java.time.Duration;
import java.util.Set;

/**
 * A third-party policy as an SPI user would write it, registered in this module's test {@code META-INF/services}:
 * holds every change for {@code freeze-seconds}.
 */
public final class ThirdPartyPolicyFactory implements MigrationPolicyFactory {

    static final String NAME = "test-freeze";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> settingKeys() {
        return Set.of("freeze-seconds");
    }

    @Override
    public MigrationPolicy create(PolicySettings settings) {
        Duration freeze = settings.seconds("freeze-seconds", 30, 1);
        return new MigrationPolicy() {
            @Override
            public String name() {
                return NAME;
            }

            @Override
            public Decision decide(ClusterView view) {
                return Decision.hold(NAME, view.now().plus(freeze), "frozen [freeze-seconds=%d]", freeze.toSeconds());
            }
        };
    }
}
