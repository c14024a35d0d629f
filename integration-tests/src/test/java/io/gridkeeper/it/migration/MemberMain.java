package io.gridkeeper.it.migration;

import com.hazelcast.core.Hazelcast;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A member in its own JVM for tests where a member must really die: {@code <connect-string> <cluster-name> <node-id>
 * <port> [key=value policy settings...]}. Prints {@value #READY} once the member runs, then waits to be killed.
 */
public final class MemberMain {

    static final String READY = "GRIDKEEPER-MEMBER-READY";

    private MemberMain() {}

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> policy = new LinkedHashMap<>();
        for (int i = 4; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            policy.put(pair[0], pair[1]);
        }
        Hazelcast.newHazelcastInstance(Members.config(args[0], args[1], args[2], Integer.parseInt(args[3]), policy));
        System.out.println(READY);
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
