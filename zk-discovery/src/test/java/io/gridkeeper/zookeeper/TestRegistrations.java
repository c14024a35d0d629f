package io.gridkeeper.zookeeper;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.curator.x.discovery.ServiceInstance;
import org.apache.curator.x.discovery.ServiceType;
import org.apache.curator.x.discovery.details.JsonInstanceSerializer;

/** Member registrations as the strategy writes them into the registry, for tests that write them by hand. */
final class TestRegistrations {

    static final JsonInstanceSerializer<MemberPayload> SERIALIZER = new JsonInstanceSerializer<>(MemberPayload.class);

    private TestRegistrations() {}

    /** The registration of a member whose address and node id are both {@code address}. */
    static byte[] registration(String address) throws Exception {
        return serialize(new MemberPayload(address, address, "5.7.0", null, null, address));
    }

    /** A registration whose payload lacks the node id. */
    static byte[] registrationWithoutNodeId(String address) throws Exception {
        return serialize(new MemberPayload(address, address, "5.7.0", null, null, null));
    }

    /** The node ids {@code directory} answers, sorted. */
    static List<String> nodeIds(MemberDirectory directory) {
        return directory.snapshot().stream()
                .map(entry -> entry.payload().nodeId())
                .sorted()
                .toList();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] serialize(MemberPayload payload) throws Exception {
        ServiceInstance<MemberPayload> instance = new ServiceInstance<>(
                "members", payload.privateAddress(), "127.0.0.1", 5701, null, payload, 0L, ServiceType.DYNAMIC, null);
        return SERIALIZER.serialize(instance);
    }
}
