package io.gridkeeper.it.micronaut;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * An in-memory Micrometer registry; Micronaut adds it to its composite registry. A real app adds an export registry
 * instead (e.g. micronaut-micrometer-registry-prometheus).
 */
@Factory
class MetricsFactory {

    @Singleton
    SimpleMeterRegistry simpleMeterRegistry() {
        return new SimpleMeterRegistry();
    }
}
