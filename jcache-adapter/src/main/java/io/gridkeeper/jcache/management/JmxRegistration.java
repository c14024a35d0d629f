package io.gridkeeper.jcache.management;

import java.lang.management.ManagementFactory;
import javax.cache.CacheException;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Registers cache MXBeans in the platform MBeanServer under the specification's names:
 * {@code javax.cache:type=CacheStatistics|CacheConfiguration,CacheManager=<uri>,Cache=<name>}, where {@code :},
 * {@code =}, {@code ,} and line breaks are replaced by {@code .}.
 */
public final class JmxRegistration {

    /** The two kinds of cache MXBean. */
    public enum Kind {
        CacheConfiguration,
        CacheStatistics
    }

    private JmxRegistration() {}

    /** Registers the bean, replacing a stale one of the same name. */
    public static void register(Object bean, String managerUri, String cacheName, Kind kind) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = name(managerUri, cacheName, kind);
        try {
            try {
                server.registerMBean(bean, name);
            } catch (InstanceAlreadyExistsException e) {
                server.unregisterMBean(name);
                server.registerMBean(bean, name);
            }
        } catch (JMException e) {
            throw new CacheException("Cannot register MBean " + name, e);
        }
    }

    /** Unregisters the bean if registered. */
    public static void unregister(String managerUri, String cacheName, Kind kind) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = name(managerUri, cacheName, kind);
        try {
            server.unregisterMBean(name);
        } catch (InstanceNotFoundException e) {
            // not registered: nothing to do
        } catch (JMException e) {
            throw new CacheException("Cannot unregister MBean " + name, e);
        }
    }

    /** The object name of a cache bean. */
    public static ObjectName name(String managerUri, String cacheName, Kind kind) {
        try {
            return new ObjectName(
                    "javax.cache:type=" + kind + ",CacheManager=" + safe(managerUri) + ",Cache=" + safe(cacheName));
        } catch (MalformedObjectNameException e) {
            throw new CacheException("Illegal MBean name for cache " + cacheName, e);
        }
    }

    private static String safe(String value) {
        return value.replaceAll("[,:=\n]", ".");
    }
}
