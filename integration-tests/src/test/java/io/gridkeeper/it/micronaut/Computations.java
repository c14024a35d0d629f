package io.gridkeeper.it.micronaut;

import io.gridkeeper.it.apps.ComputationCounter;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** The app's {@link ComputationCounter} as a Micronaut bean, named after {@code bookshelf.instance-name}. */
@Singleton
class Computations extends ComputationCounter {

    Computations(@Value("${bookshelf.instance-name}") String instanceName) {
        super(instanceName);
    }
}
