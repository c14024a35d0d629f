package io.gridkeeper.jcache.management;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class JmxRegistrationTest {

    @Test
    void name_reservedCharacters_areReplacedByDots() {
        String name = JmxRegistration.name("gridkeeper:default", "a,b=c:d\ne", JmxRegistration.Kind.CacheStatistics)
                .toString();

        assertThat(name).isEqualTo("javax.cache:type=CacheStatistics,CacheManager=gridkeeper.default,Cache=a.b.c.d.e");
    }
}
