package io.gridkeeper.jcache.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Properties;
import org.junit.jupiter.api.Test;

final class ProviderPropertiesTest {

    @Test
    void mode_clientUri_isClient() {
        assertThat(ProviderProperties.mode(URI.create("gridkeeper:client"), new Properties()))
                .isEqualTo(ProviderProperties.Mode.CLIENT);
    }

    @Test
    void mode_propertyOverridesUri() {
        Properties properties = new Properties();
        properties.setProperty(ProviderProperties.MODE, "member");

        assertThat(ProviderProperties.mode(URI.create("gridkeeper:client"), properties))
                .isEqualTo(ProviderProperties.Mode.MEMBER);
    }

    @Test
    void mode_unknownValue_namesTheKeyAndTheAllowedValues() {
        Properties properties = new Properties();
        properties.setProperty(ProviderProperties.MODE, "lite");

        assertThatThrownBy(() -> ProviderProperties.mode(URI.create("gridkeeper:default"), properties))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Property 'gridkeeper.jcache.mode' must be one of [member, client] but was [lite]");
    }

    @Test
    void configLocation_classpathUri_isTheLocation() {
        assertThat(ProviderProperties.configLocation(URI.create("classpath:hazelcast-client.yaml"), new Properties()))
                .isEqualTo("classpath:hazelcast-client.yaml");
    }
}
