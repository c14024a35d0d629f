package io.gridkeeper.it.micronaut;

import io.gridkeeper.it.apps.BookshelfApp;
import io.gridkeeper.it.apps.ClientModeContract;

/**
 * The Micronaut bookshelf as a Hazelcast <em>client</em> ({@code gridkeeper.jcache.mode: client} with
 * {@code zookeeper-connect-string} in {@code application-bookshelf.yml}), held to the {@link ClientModeContract}.
 */
final class MicronautClientModeTest extends ClientModeContract {

    @Override
    protected BookshelfApp startClient(String clusterName, String zookeeperConnectString) {
        return BookshelfInstance.startClient("client", clusterName, zookeeperConnectString);
    }
}
