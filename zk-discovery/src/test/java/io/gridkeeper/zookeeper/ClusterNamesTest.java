package io.gridkeeper.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.instance.BuildInfoProvider;
import org.junit.jupiter.api.Test;

final class ClusterNamesTest {

    private static final String VERSION = BuildInfoProvider.getBuildInfo().getVersion();

    @Test
    void clientPrefix_withBracketsInClusterName_returnsWholeName() {
        assertThat(ClusterNames.fromClientPrefix("hz.client_1 [a] [b] [" + VERSION + "] ", "hz.client_1"))
                .contains("a] [b");
    }

    @Test
    void clientPrefix_ofAnotherFormat_isEmpty() {
        assertThat(ClusterNames.fromClientPrefix("hz.client_1 {orders} " + VERSION, "hz.client_1"))
                .isEmpty();
    }

    @Test
    void logger_notFromHazelcast_isEmpty() {
        assertThat(ClusterNames.of(new RecordingLogger())).isEmpty();
    }
}
