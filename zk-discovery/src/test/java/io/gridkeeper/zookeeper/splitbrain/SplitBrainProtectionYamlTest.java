package io.gridkeeper.zookeeper.splitbrain;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryYamlConfig;
import com.hazelcast.config.SplitBrainProtectionConfig;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionOn;
import org.junit.jupiter.api.Test;

/** The hazelcast.yaml snippet of docs/reliability.md parses into a protection that any map can reference. */
final class SplitBrainProtectionYamlTest {

    static final String DOCUMENTED_YAML = """
            hazelcast:
              split-brain-protection:
                zookeeper-registry:
                  enabled: true
                  protect-on: WRITE
                  minimum-cluster-size: 2        # required by Hazelcast, ignored by this function
                  function-class-name: io.gridkeeper.zookeeper.splitbrain.ZookeeperSplitBrainProtectionFunction
              map:
                orders:                          # also a Gridkeeper JCache cache named orders
                  split-brain-protection-ref: zookeeper-registry
            """;

    @Test
    void documentedYaml_parsed_mapReferencesZookeeperFunction() {
        Config config = new InMemoryYamlConfig(DOCUMENTED_YAML);

        SplitBrainProtectionConfig protection = config.getSplitBrainProtectionConfig("zookeeper-registry");
        assertThat(protection.isEnabled()).isTrue();
        assertThat(protection.getProtectOn()).isEqualTo(SplitBrainProtectionOn.WRITE);
        assertThat(protection.getFunctionClassName()).isEqualTo(ZookeeperSplitBrainProtectionFunction.class.getName());
        assertThat(config.getMapConfig("orders").getSplitBrainProtectionName()).isEqualTo("zookeeper-registry");
    }

    static final String TIE_BREAK_YAML = """
            hazelcast:
              split-brain-protection:
                zookeeper-leader-tie-break:
                  enabled: true
                  protect-on: WRITE
                  minimum-cluster-size: 2        # required by Hazelcast (at least 2), ignored
                  function-class-name: io.gridkeeper.zookeeper.splitbrain.ZookeeperLeaderTieBreakSplitBrainProtectionFunction
              map:
                orders:
                  split-brain-protection-ref: zookeeper-leader-tie-break
            """;

    @Test
    void tieBreakYaml_parsed_mapReferencesTieBreakFunction() {
        Config config = new InMemoryYamlConfig(TIE_BREAK_YAML);

        SplitBrainProtectionConfig protection = config.getSplitBrainProtectionConfig("zookeeper-leader-tie-break");
        assertThat(protection.isEnabled()).isTrue();
        assertThat(protection.getFunctionClassName())
                .isEqualTo(ZookeeperLeaderTieBreakSplitBrainProtectionFunction.class.getName());
        assertThat(config.getMapConfig("orders").getSplitBrainProtectionName()).isEqualTo("zookeeper-leader-tie-break");
    }
}
