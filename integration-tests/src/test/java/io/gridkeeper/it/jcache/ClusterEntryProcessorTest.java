package io.gridkeeper.it.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.integration.CacheWriter;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.MutableEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Entry processors are atomic per key across the cluster: invokers on two members (two threads each) and a client
 * increment the same keys, spread over both members' partitions, and no increment is lost, whichever way the
 * processor runs (serializable on the partition owner, non-serializable in the caller under the key lock, or in the
 * caller because the cache has a writer).
 */
final class ClusterEntryProcessorTest {

    private static final int ROUNDS = 50;

    @RegisterExtension
    static final JCacheCluster cluster = JCacheCluster.perClass(2);

    private static List<CacheManager> managers;
    private static List<String> keys;

    private ExecutorService invokers;

    @BeforeAll
    static void openManagers() {
        HazelcastInstance client = cluster.client();
        managers = List.of(cluster.manager(0), cluster.manager(1), cluster.cacheManager(client));
        keys = cluster.keysOwnedByEveryMember("counter-", 2);
    }

    @BeforeEach
    void startInvokers() {
        invokers = Executors.newFixedThreadPool(5, task -> new Thread(task, "invoker"));
    }

    @AfterEach
    void stopInvokers() throws InterruptedException {
        invokers.shutdownNow();
        assertThat(invokers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void invoke_nonSerializableProcessorConcurrentlyOnTwoMembersAndAClient_countsEveryIncrement() {
        EntryProcessor<String, Integer, Void> increment = (entry, arguments) -> {
            entry.setValue(entry.exists() ? entry.getValue() + 1 : 1);
            return null;
        };

        int invocations = incrementConcurrently("caller-counters", new MutableConfiguration<>(), increment);

        assertCounted("caller-counters", invocations);
    }

    @Test
    void invoke_nonSerializableProcessorOverAMapReadingBackups_countsEveryIncrement() {
        // read-backup-data with an asynchronous backup: a plain get on the backup member can trail the owner, so the
        // read under the key lock must go to the owner
        cluster.member(0)
                .getConfig()
                .addMapConfig(new MapConfig("backup-read-counters")
                        .setReadBackupData(true)
                        .setBackupCount(0)
                        .setAsyncBackupCount(1));
        EntryProcessor<String, Integer, Void> increment = (entry, arguments) -> {
            entry.setValue(entry.exists() ? entry.getValue() + 1 : 1);
            return null;
        };

        int invocations = incrementConcurrently("backup-read-counters", new MutableConfiguration<>(), increment);

        // the final reads may come from a backup too: wait for the asynchronous backups to catch up
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertCounted("backup-read-counters", invocations));
    }

    @Test
    void invoke_serializableProcessorConcurrentlyOnTwoMembersAndAClient_countsEveryIncrement() {
        int invocations = incrementConcurrently("owner-counters", new MutableConfiguration<>(), new Increment());

        assertCounted("owner-counters", invocations);
    }

    @Test
    void invoke_cacheWithWriterConcurrentlyOnTwoMembersAndAClient_countsEveryIncrement() {
        MutableConfiguration<String, Integer> withWriter = new MutableConfiguration<String, Integer>()
                .setWriteThrough(true)
                .setCacheWriterFactory(FactoryBuilder.factoryOf(NoOpWriter.class));

        int invocations = incrementConcurrently("written-counters", withWriter, new Increment());

        assertCounted("written-counters", invocations);
    }

    @Test
    void invokeAll_nonSerializableProcessorConcurrentlyOnTwoMembersAndAClient_countsEveryIncrement() {
        EntryProcessor<String, Integer, Void> increment = (entry, arguments) -> {
            entry.setValue(entry.exists() ? entry.getValue() + 1 : 1);
            return null;
        };

        int invocations = incrementAllConcurrently("caller-invoke-all", increment);

        assertCounted("caller-invoke-all", invocations);
    }

    @Test
    void invokeAll_serializableProcessorConcurrentlyOnTwoMembersAndAClient_countsEveryIncrement() {
        int invocations = incrementAllConcurrently("owner-invoke-all", new Increment());

        assertCounted("owner-invoke-all", invocations);
    }

    /** Each instance runs one invoker calling invokeAll on every key; returns how often each key was incremented. */
    private int incrementAllConcurrently(String name, EntryProcessor<String, Integer, ?> task) {
        first().createCache(name, new MutableConfiguration<String, Integer>());
        List<Runnable> tasks = new ArrayList<>();
        for (CacheManager manager : managers) {
            Cache<String, Integer> cache = manager.getCache(name);
            tasks.add(() -> {
                for (int round = 0; round < ROUNDS; round++) {
                    cache.invokeAll(new HashSet<>(keys), task);
                }
            });
        }
        runTogether(tasks);
        return ROUNDS * tasks.size();
    }

    /** Members run two invokers each, the client one; returns how often each key was incremented. */
    private int incrementConcurrently(
            String name, MutableConfiguration<String, Integer> configuration, EntryProcessor<String, Integer, ?> task) {
        first().createCache(name, configuration);
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < managers.size(); i++) {
            Cache<String, Integer> cache = managers.get(i).getCache(name);
            Runnable increments = () -> {
                for (int round = 0; round < ROUNDS; round++) {
                    for (String key : keys) {
                        cache.invoke(key, task);
                    }
                }
            };
            tasks.add(increments);
            if (i < 2) {
                tasks.add(increments);
            }
        }
        runTogether(tasks);
        return ROUNDS * tasks.size();
    }

    private void runTogether(List<Runnable> tasks) {
        CyclicBarrier start = new CyclicBarrier(tasks.size());
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (Runnable task : tasks) {
            running.add(CompletableFuture.runAsync(
                    () -> {
                        try {
                            start.await(30, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new IllegalStateException("invokers did not start together", e);
                        }
                        task.run();
                    },
                    invokers));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
                .orTimeout(120, TimeUnit.SECONDS)
                .join();
    }

    private static void assertCounted(String name, int expected) {
        Cache<String, Integer> view = managers.get(1).getCache(name);
        for (String key : keys) {
            assertThat(view.get(key)).as(key).isEqualTo(expected);
        }
    }

    private static CacheManager first() {
        return managers.get(0);
    }

    /** Adds one to the value (a serializable processor). */
    static final class Increment implements EntryProcessor<String, Integer, Void>, Serializable {
        @Override
        public Void process(MutableEntry<String, Integer> entry, Object... arguments) {
            entry.setValue(entry.exists() ? entry.getValue() + 1 : 1);
            return null;
        }
    }

    /** Accepts every write and delete. */
    public static final class NoOpWriter implements CacheWriter<String, Integer>, Serializable {
        @Override
        public void write(Cache.Entry<? extends String, ? extends Integer> entry) {}

        @Override
        public void writeAll(java.util.Collection<Cache.Entry<? extends String, ? extends Integer>> entries) {
            entries.clear();
        }

        @Override
        public void delete(Object key) {}

        @Override
        public void deleteAll(java.util.Collection<?> keys) {
            keys.clear();
        }
    }
}
