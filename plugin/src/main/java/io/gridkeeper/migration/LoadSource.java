package io.gridkeeper.migration;

import java.util.List;

/** Supplies the latest load samples of the data members; called from the controller's own thread, must not block. */
@FunctionalInterface
public interface LoadSource {

    /**
     * A source that never reports load (the load-aware policy then does not hold). Given to the {@code
     * MigrationController} it means "no custom source": the controller then uses the samples every member publishes
     * in ZooKeeper.
     */
    LoadSource NONE = List::of;

    List<LoadSample> sample();
}
