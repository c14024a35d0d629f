package io.gridkeeper.it.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryEventFilter;
import javax.cache.event.CacheEntryRemovedListener;
import javax.cache.event.CacheEntryUpdatedListener;
import javax.cache.event.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Listeners registered on one member see created, updated and removed events of changes made on another member or a
 * client, with their filter applied and old values when asked for; synchronous ones ran before the change returned.
 */
final class ClusterListenerTest {

    @RegisterExtension
    static final JCacheCluster cluster = JCacheCluster.perClass(2);

    @Test
    void listener_filteredWithOldValuesOnAnotherMember_seesEveryKindOfChangeBeforeItReturns() {
        Cache<String, String> writer = first().createCache("filtered", new MutableConfiguration<>());
        listenOn(second(), "filtered", true, true);
        awaitRegistrationSeenBy(writer, "filtered");

        writer.put("keep-a", "one");
        writer.put("drop-a", "one");
        writer.put("keep-a", "two");
        writer.remove("drop-a");
        writer.remove("keep-a");

        assertThat(Recorder.events("filtered"))
                .extracting(CacheEntryEvent::getEventType, CacheEntryEvent::getKey, CacheEntryEvent::getOldValue)
                .containsExactly(
                        tuple(EventType.CREATED, "keep-a", null),
                        tuple(EventType.UPDATED, "keep-a", "one"),
                        tuple(EventType.REMOVED, "keep-a", "two"));
        assertThat(Recorder.events("filtered").get(1).getValue()).isEqualTo("two");
    }

    @Test
    void listener_asynchronousOnAMember_seesAClientsChanges() {
        Cache<String, String> writer =
                cluster.cacheManager(cluster.client()).createCache("from-client", new MutableConfiguration<>());
        listenOn(second(), "from-client", true, false);
        awaitRegistrationSeenBy(writer, "from-client");

        writer.put("keep-a", "one");
        writer.replace("keep-a", "two");
        writer.getAndRemove("keep-a");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Recorder.events("from-client"))
                .extracting(CacheEntryEvent::getEventType, CacheEntryEvent::getOldValue)
                .containsExactly(
                        tuple(EventType.CREATED, null),
                        tuple(EventType.UPDATED, "one"),
                        tuple(EventType.REMOVED, "two")));
    }

    private static CacheManager first() {
        return cluster.manager(0);
    }

    private static CacheManager second() {
        return cluster.manager(1);
    }

    private static void listenOn(CacheManager manager, String name, boolean oldValues, boolean synchronous) {
        manager.<String, String>getCache(name)
                .registerCacheEntryListener(new MutableCacheEntryListenerConfiguration<>(
                        FactoryBuilder.factoryOf(Recorder.class),
                        FactoryBuilder.factoryOf(KeepFilter.class),
                        oldValues,
                        synchronous));
    }

    /** Registrations travel asynchronously: probe until the listener sees the probes (which it then hides). */
    private static void awaitRegistrationSeenBy(Cache<String, String> writer, String cache) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            writer.put(Recorder.PROBE, "probe");
            writer.remove(Recorder.PROBE);
            return Recorder.probed(cache);
        });
    }

    /** Records events per cache name, across the instances its factory makes. */
    public static final class Recorder
            implements CacheEntryCreatedListener<String, String>,
                    CacheEntryUpdatedListener<String, String>,
                    CacheEntryRemovedListener<String, String>,
                    Serializable {
        static final String PROBE = "keep-probe";
        private static final Map<String, List<CacheEntryEvent<?, ?>>> EVENTS = new ConcurrentHashMap<>();

        private static List<CacheEntryEvent<?, ?>> all(String cache) {
            return EVENTS.computeIfAbsent(cache, name -> new CopyOnWriteArrayList<>());
        }

        /** The events of a cache, without those of registration probes still in flight. */
        static List<CacheEntryEvent<?, ?>> events(String cache) {
            return all(cache).stream()
                    .filter(event -> !PROBE.equals(event.getKey()))
                    .toList();
        }

        static boolean probed(String cache) {
            return all(cache).stream()
                    .anyMatch(event -> PROBE.equals(event.getKey()) && event.getEventType() == EventType.REMOVED);
        }

        private static void record(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
            events.forEach(event -> all(event.getSource().getName()).add(event));
        }

        @Override
        public void onCreated(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
            record(events);
        }

        @Override
        public void onUpdated(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
            record(events);
        }

        @Override
        public void onRemoved(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
            record(events);
        }
    }

    /** Passes events of keys starting with {@code keep-}. */
    public static final class KeepFilter implements CacheEntryEventFilter<String, String>, Serializable {
        @Override
        public boolean evaluate(CacheEntryEvent<? extends String, ? extends String> event) {
            return event.getKey().startsWith("keep-");
        }
    }
}
