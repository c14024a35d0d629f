package io.gridkeeper.jcache.management;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.logging.ILogger;
import com.hazelcast.logging.Logger;
import com.hazelcast.map.IMap;
import java.io.Closeable;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.cache.management.CacheStatisticsMXBean;

/**
 * Cluster-wide JSR-107 statistics: each view counts locally and publishes its counters every second to the IMap
 * {@value #MAP_NAME} (only when they changed); the MXBean of a view reports its own live counters plus the last
 * published counters of every other view of the cache, on any member or client.
 *
 * <p>One per cache manager. {@link View#clear()} resets the view and forgets the others' published counters (they
 * publish again from zero only if they are cleared too). Thread-safe; {@link #close()} is idempotent.
 */
public final class ClusterStatistics implements Closeable {

    /** The IMap of published counters, by view id. */
    public static final String MAP_NAME = "__gridkeeper.jcache.statistics";

    private static final ILogger LOG = Logger.getLogger(ClusterStatistics.class);
    private static final long PUBLISH_INTERVAL_MILLIS = 1000;

    private final IMap<String, StatisticsSnapshot> map;
    private final Map<String, View> views = new ConcurrentHashMap<>();
    private final ScheduledExecutorService publisher;

    public ClusterStatistics(HazelcastInstance instance) {
        this.map = instance.getMap(MAP_NAME);
        this.publisher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "gridkeeper-jcache-statistics");
            thread.setDaemon(true);
            return thread;
        });
        publisher.scheduleWithFixedDelay(
                this::publish, PUBLISH_INTERVAL_MILLIS, PUBLISH_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The cluster-wide MXBean of a new view. */
    public View view(String cacheName, CacheStatistics local) {
        View view = new View(cacheName, local);
        views.put(view.id, view);
        return view;
    }

    /** Forgets the published counters of every view of a destroyed cache. */
    public void forgetCache(String cacheName) {
        map.entrySet().forEach(entry -> {
            if (entry.getValue().cacheName().equals(cacheName)) {
                map.delete(entry.getKey());
            }
        });
    }

    private void publish() {
        for (View view : views.values()) {
            try {
                view.publish();
            } catch (RuntimeException e) {
                LOG.fine("cannot publish the statistics of cache [" + view.cacheName + "]", e);
            }
        }
    }

    @Override
    public void close() {
        publisher.shutdownNow();
        views.values().forEach(View::close);
    }

    /** The statistics MXBean of one view. */
    public final class View implements CacheStatisticsMXBean {
        private final String id = UUID.randomUUID().toString();
        private final String cacheName;
        private final CacheStatistics local;
        private volatile StatisticsSnapshot published;
        private boolean closed;

        private View(String cacheName, CacheStatistics local) {
            this.cacheName = cacheName;
            this.local = local;
            this.published = local.snapshot(cacheName);
        }

        private synchronized void publish() {
            if (closed) {
                return;
            }
            StatisticsSnapshot now = local.snapshot(cacheName);
            if (!now.equals(published)) {
                map.set(id, now);
                published = now;
            }
        }

        /** Stops publishing and withdraws this view's counters; a publication in progress finishes first. */
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            views.remove(id);
            try {
                map.delete(id);
            } catch (RuntimeException e) {
                LOG.fine("cannot withdraw the statistics of cache [" + cacheName + "]", e);
            }
        }

        private StatisticsSnapshot total() {
            StatisticsSnapshot total = local.snapshot(cacheName);
            for (Map.Entry<String, StatisticsSnapshot> entry : map.entrySet()) {
                if (!Objects.equals(entry.getKey(), id)
                        && entry.getValue().cacheName().equals(cacheName)) {
                    total = total.plus(entry.getValue());
                }
            }
            return total;
        }

        @Override
        public void clear() {
            local.clear();
            map.entrySet().forEach(entry -> {
                if (entry.getValue().cacheName().equals(cacheName)) {
                    map.delete(entry.getKey());
                }
            });
        }

        @Override
        public long getCacheHits() {
            return total().hits();
        }

        @Override
        public float getCacheHitPercentage() {
            StatisticsSnapshot total = total();
            long gets = total.hits() + total.misses();
            return gets == 0 ? 0 : total.hits() * 100f / gets;
        }

        @Override
        public long getCacheMisses() {
            return total().misses();
        }

        @Override
        public float getCacheMissPercentage() {
            StatisticsSnapshot total = total();
            long gets = total.hits() + total.misses();
            return gets == 0 ? 0 : total.misses() * 100f / gets;
        }

        @Override
        public long getCacheGets() {
            StatisticsSnapshot total = total();
            return total.hits() + total.misses();
        }

        @Override
        public long getCachePuts() {
            return total().puts();
        }

        @Override
        public long getCacheRemovals() {
            return total().removals();
        }

        @Override
        public long getCacheEvictions() {
            return total().evictions();
        }

        @Override
        public float getAverageGetTime() {
            StatisticsSnapshot total = total();
            return average(total.getTimeNanos(), total.hits() + total.misses());
        }

        @Override
        public float getAveragePutTime() {
            StatisticsSnapshot total = total();
            return average(total.putTimeNanos(), total.puts());
        }

        @Override
        public float getAverageRemoveTime() {
            StatisticsSnapshot total = total();
            return average(total.removeTimeNanos(), total.removals());
        }
    }

    private static float average(long totalNanos, long count) {
        return count == 0 ? 0 : totalNanos / 1000f / count;
    }
}
