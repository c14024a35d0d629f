package io.gridkeeper.it.spring;

import io.gridkeeper.it.apps.ComputationCounter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The app's {@link ComputationCounter} as a Spring bean, named after {@code bookshelf.instance-name}. */
@Component
class Computations extends ComputationCounter {

    Computations(@Value("${bookshelf.instance-name}") String instanceName) {
        super(instanceName);
    }
}
