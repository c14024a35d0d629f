package io.gridkeeper.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class NodeSettingsTest {

    @Test
    void new_blankZookeeper_failsNamingTheOption() {
        assertThatThrownBy(() -> new NodeSettings(null, " ", 21810, null, null, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Option '--zookeeper' must not be blank but was [ ]");
    }

    @Test
    void new_devPortOutOfRange_failsNamingTheOption() {
        assertThatThrownBy(() -> new NodeSettings(null, null, 0, null, null, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Option '--dev-zookeeper-port' must be in [1, 65535] but was [0]");
    }

    @Test
    void new_relativeBasePath_failsNamingTheOption() {
        assertThatThrownBy(() -> new NodeSettings(null, null, 21810, null, null, "gk", null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Option '--base-path' must be an absolute znode path like /gridkeeper but was [gk]");
    }

    @Test
    void new_publicAddressWithoutPort_failsNamingTheOption() {
        assertThatThrownBy(
                        () -> new NodeSettings(null, null, 21810, null, null, null, null, null, null, null, "10.0.0.1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Option '--public-address' must be host:port but was [10.0.0.1]");
    }

    @Test
    void new_blankZone_failsNamingTheOption() {
        assertThatThrownBy(() -> new NodeSettings(null, null, 21810, null, null, null, "", null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Option '--zone' must not be blank but was []");
    }

    @Test
    void discoveryProperties_onlyGivenValues_arePassedOn() {
        NodeSettings settings = new NodeSettings(null, "zk:2181", 21810, "c", null, null, "z1", null, "n1", 5701, null);

        assertThat(settings.discoveryProperties())
                .containsExactly(java.util.Map.entry("zone", "z1"), java.util.Map.entry("node-id", "n1"));
    }
}
