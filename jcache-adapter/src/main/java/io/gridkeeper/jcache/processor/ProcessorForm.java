package io.gridkeeper.jcache.processor;

import com.hazelcast.internal.nio.BufferObjectDataInput;
import com.hazelcast.internal.nio.BufferObjectDataOutput;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import java.io.Externalizable;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * How a user's entry processor travels inside {@link OwnerEntryProcessor}.
 *
 * <p>A <em>stateless</em> processor (its class and superclasses declare no instance field and no custom serialization
 * hook, like the usual {@code Increment implements EntryProcessor, Serializable}) has one serialized form per
 * serialization service: the sender serializes it once and reuses the bytes, the receiver deserializes each distinct
 * form once (through Hazelcast's serialization service, so its Java deserialization filter applies) and reuses the
 * instance, which has no state to share. That takes Java serialization off every call. Other processors are written
 * with {@link ObjectDataOutput#writeObject} on every call. Thread-safe.
 */
final class ProcessorForm {

    /** At most this many cached forms per side; the caches start afresh when full. */
    static final int MAX_CACHED = 256;

    private static final ClassValue<Boolean> STATELESS = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return isStateless(type);
        }
    };

    private static final ClassValue<Map<SerializationService, Data>> SENT = new ClassValue<>() {
        @Override
        protected Map<SerializationService, Data> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private static final Map<Received, Object> RECEIVED = new ConcurrentHashMap<>();

    private ProcessorForm() {}

    /** Whether instances of the class carry no state, so that one serialized form stands for all of them. */
    static boolean isStateless(Class<?> type) {
        if (Externalizable.class.isAssignableFrom(type) || type.isHidden() || type.isSynthetic()) {
            return false;
        }
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            for (Field field : current.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    return false;
                }
            }
            for (Method method : current.getDeclaredMethods()) {
                String name = method.getName();
                if (name.equals("writeObject") || name.equals("writeReplace") || name.equals("readResolve")) {
                    return false;
                }
            }
        }
        return true;
    }

    static void write(ObjectDataOutput out, Object processor) throws IOException {
        if (out instanceof BufferObjectDataOutput buffer && STATELESS.get(processor.getClass())) {
            SerializationService service = buffer.getSerializationService();
            Map<SerializationService, Data> forms = SENT.get(processor.getClass());
            Data form = forms.get(service);
            if (form == null) {
                form = service.toData(processor);
                if (forms.size() >= MAX_CACHED) {
                    forms.clear();
                }
                forms.put(service, form);
            }
            out.writeBoolean(true);
            buffer.writeData(form);
        } else {
            out.writeBoolean(false);
            out.writeObject(processor);
        }
    }

    static <P> P read(ObjectDataInput in) throws IOException {
        if (!in.readBoolean()) {
            return in.readObject();
        }
        if (!(in instanceof BufferObjectDataInput buffer)) {
            throw new IOException("A cached entry processor form needs Hazelcast's buffer input, not a "
                    + in.getClass().getName());
        }
        Data form = buffer.readData();
        Received key = new Received(in.getClassLoader(), form);
        @SuppressWarnings("unchecked")
        P processor = (P) RECEIVED.get(key);
        if (processor == null) {
            processor = buffer.getSerializationService().toObject(form);
            if (RECEIVED.size() >= MAX_CACHED) {
                RECEIVED.clear();
            }
            RECEIVED.put(key, processor);
        }
        return processor;
    }

    /** A received form, per class loader (the same bytes may name different classes in different loaders). */
    private record Received(@Nullable ClassLoader loader, Data form) {}
}
