package io.gridkeeper.it.spring;

import io.gridkeeper.it.apps.BookshelfApp;
import io.gridkeeper.it.apps.ClientModeContract;

/**
 * The Spring Boot bookshelf as a Hazelcast <em>client</em> ({@code bookshelf.hazelcast.mode=client}: a
 * {@code ClientConfig} bean with Gridkeeper's ZooKeeper discovery, from which Boot starts the client it hands to the
 * JCache provider), held to the {@link ClientModeContract}.
 */
final class SpringClientModeTest extends ClientModeContract {

    @Override
    protected BookshelfApp startClient(String clusterName, String zookeeperConnectString) {
        return BookshelfInstance.startClient("client", clusterName, zookeeperConnectString);
    }
}
