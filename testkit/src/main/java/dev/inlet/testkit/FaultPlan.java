package dev.inlet.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which requests of a {@link FakeApi} fail, and how: deterministic from a seed. Immutable and
 * thread-safe.
 *
 * <p>Requests are numbered from 0 in the order the fake receives them. Rules are tried in the order
 * they were added and the first that picks a request decides its fault:
 * {@link Builder#every(int, Fault) every(n, fault)} picks requests {@code n-1, 2n-1, …} (every n-th);
 * {@link Builder#at(long, Fault) at(i, fault)} picks request {@code i} alone;
 * {@link Builder#from(long, Fault) from(i, fault)} picks request {@code i} and every one after it;
 * {@link Builder#percent(double, Fault) percent(p, fault)} picks request {@code i} when the
 * {@linkplain SplitMix64 SplitMix64} draw for {@code (seed, i, rule)} is below {@code p/100}. The
 * same seed gives the same sequence on every run and every JDK ({@link #preview(int)} shows it), and
 * a request's fate depends only on its number, never on thread timing.
 */
public final class FaultPlan {

    private static final FaultPlan NONE = new FaultPlan(0, List.of());

    private final long seed;
    private final List<Rule> rules;

    private FaultPlan(long seed, List<Rule> rules) {
        this.seed = seed;
        this.rules = List.copyOf(rules);
    }

    /** No faults: every request is answered normally. The default of {@link FakeApi}. */
    public static FaultPlan none() {
        return NONE;
    }

    /** A builder with seed 0 and no rules. */
    public static Builder builder() {
        return new Builder();
    }

    /** The fault for the request numbered {@code index} (0-based), if any. */
    public Optional<Fault> faultFor(long index) {
        for (int r = 0; r < rules.size(); r++) {
            Rule rule = rules.get(r);
            boolean picked = rule.every > 0 ? (index + 1) % rule.every == 0
                    : rule.at >= 0 ? index == rule.at
                    : rule.from >= 0 ? index >= rule.from
                    : SplitMix64.unit(seed, index, r) < rule.fraction;
            if (picked) {
                return Optional.of(rule.fault);
            }
        }
        return Optional.empty();
    }

    /**
     * The first {@code count} requests' fates, {@code "ok"} or the fault's {@link Fault#toString()};
     * handy to see what a seed does and to pin it in a test.
     */
    public List<String> preview(int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(faultFor(i).map(Fault::toString).orElse("ok"));
        }
        return out;
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    @Override
    public String toString() {
        return "FaultPlan{seed=" + seed + ", rules=" + rules + "}";
    }

    /** One rule: {@code every > 0}, else {@code at >= 0}, else {@code from >= 0}, else the {@code fraction} draw. */
    private record Rule(int every, long at, long from, double fraction, Fault fault) {
        @Override
        public String toString() {
            return (every > 0 ? "every " + every : at >= 0 ? "at #" + at : from >= 0 ? "from #" + from
                    : fraction * 100 + "%") + " " + fault;
        }
    }

    /** Builds a {@link FaultPlan}; not thread-safe. */
    public static final class Builder {
        private long seed;
        private final List<Rule> rules = new ArrayList<>();

        private Builder() {
        }

        /** The seed of the percentage rules; default 0. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Every {@code n}-th request (n ≥ 1) gets {@code fault}. */
        public Builder every(int n, Fault fault) {
            if (n < 1) {
                throw new FakeApiConfigException("FaultPlan.every(" + n + ", …): n must be at least 1",
                        "every(1, fault) fails every request, every(10, fault) one in ten");
            }
            rules.add(new Rule(n, -1, -1, 0, requireFault(fault)));
            return this;
        }

        /**
         * The request numbered {@code request} (from 0) gets {@code fault}: for a fault at one
         * known point, e.g. the first request of the fifth page of a client that reads its pages
         * one after another (its retry is the next request, which this rule leaves alone).
         */
        public Builder at(long request, Fault fault) {
            if (request < 0) {
                throw new FakeApiConfigException("FaultPlan.at(" + request + ", …): requests are numbered from 0",
                        "pass 0 for the first request, 1 for the second, …");
            }
            rules.add(new Rule(0, request, -1, 0, requireFault(fault)));
            return this;
        }

        /**
         * The request numbered {@code request} (from 0) and every later one get {@code fault}: a
         * failure that outlasts any retry, e.g. from the second page on. To let the service recover,
         * give the fake another plan ({@link FakeApi#replaceFaults(FaultPlan)}).
         */
        public Builder from(long request, Fault fault) {
            if (request < 0) {
                throw new FakeApiConfigException("FaultPlan.from(" + request + ", …): requests are numbered from 0",
                        "pass 0 to fail every request, 1 to fail all but the first, …");
            }
            rules.add(new Rule(0, -1, request, 0, requireFault(fault)));
            return this;
        }

        /** About {@code percent}% (0–100) of requests, picked by the seed, get {@code fault}. */
        public Builder percent(double percent, Fault fault) {
            if (!(percent >= 0 && percent <= 100)) {
                throw new FakeApiConfigException("FaultPlan.percent(" + percent + ", …): not a percentage",
                        "pass a value from 0 to 100, e.g. 5 for one request in twenty");
            }
            rules.add(new Rule(0, -1, -1, percent / 100, requireFault(fault)));
            return this;
        }

        private static Fault requireFault(Fault fault) {
            if (fault == null) {
                throw new FakeApiConfigException("FaultPlan: the fault is null", "pass one of Fault's factories");
            }
            return fault;
        }

        /** The plan. */
        public FaultPlan build() {
            return new FaultPlan(seed, rules);
        }
    }
}
