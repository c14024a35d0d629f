package io.gridkeeper.jcache.processor;

import com.hazelcast.internal.serialization.DataSerializerHook;
import com.hazelcast.internal.serialization.impl.FactoryIdHelper;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * Registers the factory of the objects an owner-run entry processor sends ({@link OwnerEntryProcessor}, its
 * {@link OwnerEntryProcessor.BackupWrite} and {@link OwnerResult}) with every Hazelcast member and client that has
 * this jar on its classpath, through Hazelcast's {@code META-INF/services/com.hazelcast.DataSerializerHook}. They
 * travel as a factory and class id (a few bytes) instead of a class name that is resolved reflectively on every call.
 *
 * <p>The factory id is {@value #DEFAULT_FACTORY_ID}; set the system property {@value #FACTORY_ID_PROPERTY} on every
 * member and client when an application's own factory already uses it.
 */
public final class ProcessorSerializerHook implements DataSerializerHook {

    /** The system property that overrides the factory id. */
    public static final String FACTORY_ID_PROPERTY = "gridkeeper.jcache.serialization.factory-id";

    /** The factory id unless overridden: "gkjc" in ASCII, far from Hazelcast's own (negative) ids. */
    public static final int DEFAULT_FACTORY_ID = 0x676B6A63;

    static final int FACTORY_ID = FactoryIdHelper.getFactoryId(FACTORY_ID_PROPERTY, DEFAULT_FACTORY_ID);

    static final int OWNER_ENTRY_PROCESSOR = 1;
    static final int BACKUP_WRITE = 2;
    static final int OWNER_RESULT = 3;

    @Override
    public int getFactoryId() {
        return FACTORY_ID;
    }

    @Override
    public DataSerializableFactory createFactory() {
        return ProcessorSerializerHook::create;
    }

    private static IdentifiedDataSerializable create(int classId) {
        return switch (classId) {
            case OWNER_ENTRY_PROCESSOR -> new OwnerEntryProcessor<>();
            case BACKUP_WRITE -> new OwnerEntryProcessor.BackupWrite<>();
            case OWNER_RESULT -> new OwnerResult<>();
            default ->
                throw new IllegalArgumentException("Unknown Gridkeeper JCache class id [" + classId + "] for factory ["
                        + FACTORY_ID + "]; known: 1 to 3");
        };
    }
}
