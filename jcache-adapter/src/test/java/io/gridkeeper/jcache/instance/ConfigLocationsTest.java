package io.gridkeeper.jcache.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ConfigLocationsTest {

    @TempDir
    Path directory;

    @Test
    void client_yamlResourceOnlyTheGivenClassLoaderSees_isLoadedThroughThatLoader() throws IOException {
        Files.writeString(
                directory.resolve("gk-loader-only-client.yaml"), "hazelcast-client:\n  cluster-name: from-yaml\n");

        try (URLClassLoader loader = loaderOver(directory)) {
            assertThat(ConfigLocations.client("classpath:gk-loader-only-client.yaml", loader)
                            .getClusterName())
                    .isEqualTo("from-yaml");
        }
    }

    @Test
    void client_xmlResourceOnlyTheGivenClassLoaderSees_isLoadedThroughThatLoader() throws IOException {
        Files.writeString(
                directory.resolve("gk-loader-only-client.xml"),
                "<hazelcast-client xmlns=\"http://www.hazelcast.com/schema/client-config\">"
                        + "<cluster-name>from-xml</cluster-name></hazelcast-client>");

        try (URLClassLoader loader = loaderOver(directory)) {
            assertThat(ConfigLocations.client("classpath:gk-loader-only-client.xml", loader)
                            .getClusterName())
                    .isEqualTo("from-xml");
        }
    }

    @Test
    void member_yamlResourceOnlyTheGivenClassLoaderSees_isLoadedThroughThatLoader() throws IOException {
        Files.writeString(directory.resolve("gk-loader-only-member.yaml"), "hazelcast:\n  cluster-name: member-yaml\n");

        try (URLClassLoader loader = loaderOver(directory)) {
            assertThat(ConfigLocations.member("classpath:gk-loader-only-member.yaml", loader)
                            .getClusterName())
                    .isEqualTo("member-yaml");
        }
    }

    @Test
    void clientAndMember_fileUriAndPlainPath_areLoaded() throws IOException {
        Path client = Files.writeString(directory.resolve("client.yml"), "hazelcast-client:\n  cluster-name: by-uri\n");
        Path member = Files.writeString(directory.resolve("member.yaml"), "hazelcast:\n  cluster-name: by-path\n");
        ClassLoader loader = getClass().getClassLoader();

        assertThat(ConfigLocations.client(client.toUri().toString(), loader).getClusterName())
                .isEqualTo("by-uri");
        assertThat(ConfigLocations.member(member.toString(), loader).getClusterName())
                .isEqualTo("by-path");
    }

    @Test
    void clientAndMember_missingFile_failWithItsPath() {
        Path missing = directory.resolve("nowhere.yaml");
        ClassLoader loader = getClass().getClassLoader();

        assertThatThrownBy(() -> ConfigLocations.client(missing.toString(), loader))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessage(missing.toString());
        assertThatThrownBy(() -> ConfigLocations.member(missing.toUri().toString(), loader))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessage(missing.toString());
    }

    @Test
    void client_missingClassPathResource_failsNamingIt() {
        assertThatThrownBy(() -> ConfigLocations.client(
                        "classpath:gk-no-such-client.yaml", getClass().getClassLoader()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gk-no-such-client.yaml");
    }

    private static URLClassLoader loaderOver(Path directory) throws IOException {
        return new URLClassLoader(new URL[] {directory.toUri().toURL()}, ConfigLocationsTest.class.getClassLoader());
    }
}
