package io.gridkeeper.zookeeper;

import com.hazelcast.cluster.Member;
import com.hazelcast.spi.partitiongroup.MemberGroup;
import com.hazelcast.spi.partitiongroup.PartitionGroupStrategy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Partition groups for {@code partition-group type: SPI}: one group per zone; members without a zone are grouped
 * by rack; members with neither form a group of their own. Hazelcast never puts a partition's backup in the
 * group of its owner, so with two or more zones every backup lands in another zone.
 */
final class ZonePartitionGroupStrategy implements PartitionGroupStrategy {

    private final List<MemberGroup> groups;

    ZonePartitionGroupStrategy(Collection<? extends Member> members) {
        Map<String, ZoneGroup> byKey = new LinkedHashMap<>();
        for (Member member : members) {
            byKey.computeIfAbsent(groupKey(member), key -> new ZoneGroup()).addMember(member);
        }
        this.groups = List.copyOf(byKey.values());
    }

    private static String groupKey(Member member) {
        String zone = member.getAttribute(ZookeeperDiscoveryStrategy.ZONE_ATTRIBUTE);
        if (zone != null) {
            return "zone:" + zone;
        }
        String rack = member.getAttribute(ZookeeperDiscoveryStrategy.RACK_ATTRIBUTE);
        return rack != null ? "rack:" + rack : "member:" + member.getUuid();
    }

    @Override
    public Iterable<MemberGroup> getMemberGroups() {
        return groups;
    }

    /** A mutable member group, as Hazelcast's {@link MemberGroup} contract requires. */
    private static final class ZoneGroup implements MemberGroup {
        private final Set<Member> members = new LinkedHashSet<>();

        @Override
        public void addMember(Member member) {
            members.add(member);
        }

        @Override
        public void addMembers(Collection<Member> toAdd) {
            members.addAll(toAdd);
        }

        @Override
        public void removeMember(Member member) {
            members.remove(member);
        }

        @Override
        public boolean hasMember(Member member) {
            return members.contains(member);
        }

        @Override
        public Iterator<Member> iterator() {
            return new ArrayList<>(members).iterator();
        }

        @Override
        public int size() {
            return members.size();
        }
    }
}
