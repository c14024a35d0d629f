package io.gridkeeper.migration.policy;

import static io.gridkeeper.migration.policy.Evidence.at;

import io.gridkeeper.migration.ClusterView;
import io.gridkeeper.migration.Decision;
import io.gridkeeper.migration.MigrationPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Several policies at once ({@code policy=delayed,window}): rebalances only when every member policy allows it,
 * otherwise holds until the latest deadline among the holds (the most restrictive answer). The decision lists every
 * member policy's decision as its causes, in configuration order.
 */
public final class CompositePolicy implements MigrationPolicy {

    private final List<MigrationPolicy> policies;
    private final String name;

    public CompositePolicy(List<? extends MigrationPolicy> policies) {
        if (policies.size() < 2) {
            throw new IllegalArgumentException("a composite needs at least two policies but had " + policies);
        }
        this.policies = List.copyOf(policies);
        this.name = this.policies.stream().map(MigrationPolicy::name).collect(Collectors.joining(","));
    }

    public List<MigrationPolicy> policies() {
        return policies;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Decision decide(ClusterView view) {
        List<Decision> decisions = new ArrayList<>(policies.size());
        List<String> holding = new ArrayList<>();
        Instant until = null;
        for (MigrationPolicy policy : policies) {
            Decision decision = policy.decide(view);
            decisions.add(decision);
            if (decision.isHold()) {
                holding.add(decision.policy());
                if (until == null || decision.requireUntil().isAfter(until)) {
                    until = decision.requireUntil();
                }
            }
        }
        if (until == null) {
            return Decision.rebalance(name, "all [%d] policies allow a rebalance", policies.size())
                    .withCauses(decisions);
        }
        return Decision.hold(
                        name,
                        until,
                        "held by %s until [%s], the latest of their deadlines",
                        holding.stream().collect(Collectors.joining(", ", "[", "]")),
                        at(until))
                .withCauses(decisions);
    }

    @Override
    public String toString() {
        return policies.toString();
    }
}
