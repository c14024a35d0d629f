package io.gridkeeper.zookeeper;

import com.hazelcast.logging.AbstractLogger;
import com.hazelcast.logging.LogEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;

/** A Hazelcast logger that keeps WARNING and SEVERE messages for assertions. */
final class RecordingLogger extends AbstractLogger {

    private final List<String> warnings = new CopyOnWriteArrayList<>();

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public void log(Level level, String message) {
        if (level.intValue() >= Level.WARNING.intValue()) {
            warnings.add(message);
        }
    }

    @Override
    public void log(Level level, String message, Throwable thrown) {
        log(level, message);
    }

    @Override
    public void log(LogEvent logEvent) {
        log(logEvent.getLogRecord().getLevel(), logEvent.getLogRecord().getMessage());
    }

    @Override
    public Level getLevel() {
        return Level.INFO;
    }

    @Override
    public boolean isLoggable(Level level) {
        return level.intValue() >= Level.INFO.intValue();
    }
}
