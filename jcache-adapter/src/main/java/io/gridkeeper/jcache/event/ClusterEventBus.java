package io.gridkeeper.jcache.event;

import com.hazelcast.logging.ILogger;
import com.hazelcast.logging.Logger;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import java.io.Closeable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Carries the events of one cache between its views on different members and clients.
 *
 * <p>A view with listeners announces itself in the {@link ListenerDirectory} and subscribes to the cache's event topic;
 * the view that ran an operation publishes its events there after its own listeners ran, and when other views have
 * synchronous listeners it waits until each acknowledged (or left the directory, or the timeout passed). Received
 * events are delivered on a single named thread per view, in the order they arrived; the topic callback never blocks.
 */
public final class ClusterEventBus implements Closeable {

    /** How long an operation waits for remote synchronous listeners. */
    public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(30);

    private static final ILogger LOG = Logger.getLogger(ClusterEventBus.class);
    private static final long POLL_MILLIS = 100;

    private final ListenerDirectory directory;
    private final String cacheName;
    private final String viewId = UUID.randomUUID().toString();
    private final ITopic<EventMessage> events;
    private final ITopic<EventAck> acks;
    private final Duration ackTimeout;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private @Nullable Consumer<List<EventRecord>> receiver;
    private @Nullable UUID eventSubscription;
    private @Nullable UUID ackSubscription;
    private @Nullable ExecutorService delivery;
    private volatile boolean closed;

    public ClusterEventBus(ListenerDirectory directory, String cacheName, Duration ackTimeout) {
        this.directory = directory;
        this.cacheName = cacheName;
        this.ackTimeout = ackTimeout;
        this.events = directory.instance().getTopic("__gridkeeper.jcache.events." + cacheName);
        this.acks = directory.instance().getTopic("__gridkeeper.jcache.acks." + cacheName);
    }

    /** Starts or stops receiving events, as the view's listeners come and go. */
    void listen(@Nullable Consumer<List<EventRecord>> newReceiver, boolean synchronous) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            receiver = newReceiver;
            if (newReceiver == null) {
                directory.withdraw(viewId);
                if (eventSubscription != null) {
                    events.removeMessageListener(eventSubscription);
                    eventSubscription = null;
                }
                return;
            }
            if (eventSubscription == null) {
                if (delivery == null) {
                    delivery = Executors.newSingleThreadExecutor(task -> {
                        Thread thread = new Thread(task, "gridkeeper-jcache-events-" + cacheName);
                        thread.setDaemon(true);
                        return thread;
                    });
                }
                eventSubscription = events.addMessageListener(this::onEvents);
            }
            directory.announce(viewId, new ListenerView(cacheName, synchronous));
        }
    }

    /** Whether another view has listeners for the cache. */
    boolean hasRemoteViews() {
        return directory.hasRemoteViews(cacheName, viewId);
    }

    /** Publishes events to the other views; returns once their synchronous listeners ran. */
    void publish(List<EventRecord> records) {
        if (records.isEmpty() || !hasRemoteViews()) {
            return;
        }
        Set<String> acknowledgeBy = directory.synchronousRemoteViews(cacheName, viewId);
        String id = UUID.randomUUID().toString();
        Pending waiting = null;
        if (!acknowledgeBy.isEmpty()) {
            subscribeToAcks();
            waiting = new Pending(acknowledgeBy);
            pending.put(id, waiting);
        }
        events.publish(new EventMessage(id, viewId, records, acknowledgeBy));
        if (waiting != null) {
            try {
                await(waiting);
            } finally {
                pending.remove(id);
            }
        }
    }

    private void await(Pending waiting) {
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            waiting.remaining.removeIf(view -> !directory.isRegistered(view));
            if (waiting.remaining.isEmpty()) {
                return;
            }
            try {
                waiting.done.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                // poll again: a view may have left the directory
            }
        }
        LOG.warning("cache [" + cacheName + "]: synchronous listeners of views " + waiting.remaining
                + " did not acknowledge within [" + ackTimeout.toSeconds() + "s]; going on without them");
    }

    private void subscribeToAcks() {
        synchronized (lock) {
            if (ackSubscription == null && !closed) {
                ackSubscription = acks.addMessageListener(this::onAck);
            }
        }
    }

    private void onAck(Message<EventAck> message) {
        EventAck ack = message.getMessageObject();
        Pending waiting = pending.get(ack.messageId());
        if (waiting != null) {
            waiting.remaining.remove(ack.view());
            if (waiting.remaining.isEmpty()) {
                waiting.done.complete(null);
            }
        }
    }

    private void onEvents(Message<EventMessage> message) {
        EventMessage received = message.getMessageObject();
        if (received.origin().equals(viewId)) {
            return;
        }
        ExecutorService executor = delivery;
        if (executor == null) {
            return;
        }
        executor.execute(() -> {
            try {
                Consumer<List<EventRecord>> target = receiver;
                if (target != null) {
                    target.accept(received.events());
                }
            } catch (RuntimeException e) {
                LOG.fine("cache [" + cacheName + "]: a listener failed on events from another member", e);
            } finally {
                if (received.acknowledgeBy().contains(viewId)) {
                    try {
                        acks.publish(new EventAck(received.id(), viewId));
                    } catch (RuntimeException e) {
                        LOG.fine("cache [" + cacheName + "]: cannot acknowledge events", e);
                    }
                }
            }
        });
    }

    @Override
    public void close() {
        ExecutorService executor;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            executor = delivery;
            try {
                directory.withdraw(viewId);
                if (eventSubscription != null) {
                    events.removeMessageListener(eventSubscription);
                }
                if (ackSubscription != null) {
                    acks.removeMessageListener(ackSubscription);
                }
            } catch (RuntimeException e) {
                LOG.fine("cache [" + cacheName + "]: cannot unsubscribe from events", e);
            }
        }
        if (executor != null) {
            executor.shutdown();
        }
    }

    private static final class Pending {
        private final Set<String> remaining = ConcurrentHashMap.newKeySet();
        private final CompletableFuture<Void> done = new CompletableFuture<>();

        Pending(Set<String> views) {
            remaining.addAll(views);
        }
    }
}
