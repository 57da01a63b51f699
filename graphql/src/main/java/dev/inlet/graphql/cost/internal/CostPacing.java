package dev.inlet.graphql.cost.internal;

import dev.inlet.core.InletListener;
import dev.inlet.core.Sleeper;
import dev.inlet.graphql.cost.CostThrottle;
import java.time.Clock;
import java.time.Duration;

/**
 * The GraphQL client's way to a {@link CostThrottle}'s pacing, which is not part of the throttle's
 * API: the client waits for the budget before a request and reports what each response said.
 *
 * <p>{@link CostThrottle} installs the one {@link Access} when its class is initialised (the JDK's
 * {@code SharedSecrets} pattern), so that its pacing methods stay package-private while the client
 * lives in another package. Internal: not for use outside Inlet.
 */
public final class CostPacing {

    /** What the client may do with a throttle. */
    public interface Access {

        /**
         * Waits until the budget holds the operation's expected cost, then reserves it.
         *
         * @param operationKey the key of everything learned about the operation (document hash and name)
         * @param operationName the operation's name, for messages
         * @param maxWait the longest wait allowed; a longer one fails fast
         * @return how long it waited
         * @throws dev.inlet.core.error.RateLimitedException if the wait would exceed {@code maxWait}
         */
        Duration acquire(CostThrottle throttle, String operationKey, String operationName, String connector,
                Clock clock, Sleeper sleeper, InletListener listener, Duration maxWait);

        /** Takes in what a response said: the budget now, and what the operation cost. */
        void observe(CostThrottle throttle, String operationKey, CostSignals signals);
    }

    private static volatile Access access;

    private CostPacing() {
    }

    /**
     * Installs the throttle's implementation; called once, by {@link CostThrottle}'s initialiser.
     *
     * @throws IllegalStateException if one is installed already
     */
    public static synchronized void install(Access implementation) {
        if (access != null) {
            throw new IllegalStateException("CostPacing is installed by CostThrottle only, once");
        }
        access = implementation;
    }

    /** The throttle's pacing (initialising {@link CostThrottle} if no throttle was made yet). */
    public static Access access() {
        Access current = access;
        if (current == null) {
            try {
                Class.forName(CostThrottle.class.getName(), true, CostThrottle.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            current = access;
        }
        return current;
    }
}
