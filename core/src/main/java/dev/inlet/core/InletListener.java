package dev.inlet.core;

import java.time.Duration;
import java.util.List;

/**
 * Observes what connectors and the request pipeline do, so a host can count and time: requests,
 * responses, retries, rate-limit waits, pages and finished runs.
 *
 * <p>Every method has an empty default; implement what you need. Methods are called on the thread
 * doing the work and must be quick and thread-safe. An exception thrown by a listener is logged and
 * otherwise ignored: observing never breaks a run. Events carry URLs with secrets masked.
 *
 * <p><b>Correlation.</b> Every call carries an exchange id on its request, response, retry and
 * failure events; every {@link ConnectorRun} has a run id, on its {@link RunStarted},
 * {@link PageStarted}, {@link PageDone} and {@link RunFinished} events. An event about an exchange made
 * for a run is reported while that run is current on the thread, so {@link RunContext#current()}
 * ties it to its run.
 */
public interface InletListener {

    /** A request attempt is about to be sent. */
    default void requestSent(RequestSent event) {
    }

    /** A response (its headers) arrived. */
    default void responseReceived(ResponseReceived event) {
    }

    /** An attempt failed and another will follow after a wait. */
    default void retryScheduled(RetryScheduled event) {
    }

    /**
     * A client-side rate limit or a server budget made a request wait. A retry whose wait the server
     * asked for (a 429's {@code Retry-After}, a throttled GraphQL body) is reported here as well as in
     * {@link #retryScheduled}; count waits from one of the two.
     */
    default void rateLimited(RateLimited event) {
    }

    /**
     * A request to another origin was refused: a redirect or a next-page URL pointing to an origin
     * the caller did not allow. The call fails right after.
     */
    default void originRefused(OriginRefused event) {
    }

    /**
     * A call gave up: its last attempt failed and no other follows (retries exhausted, not
     * retryable, budget spent, or interrupted). Reported exactly once per failed call, on every
     * path: {@code HttpPipeline.execute} and {@code send}, page fetches, and the GraphQL client. The
     * exception is thrown to the caller right after.
     */
    default void callFailed(CallFailed event) {
    }

    /** A connector run was opened; it reads its first page when its records are first asked for. */
    default void runStarted(RunStarted event) {
    }

    /** A run asks for a page: its requests (and their retries) follow, then {@link #pageDone}. */
    default void pageStarted(PageStarted event) {
    }

    /** A page was read to its end. */
    default void pageDone(PageDone event) {
    }

    /**
     * A run went on past something suspicious (see {@link RunWarning}'s kinds); it is also logged at
     * WARN and counted in the run's {@link RunReport}.
     */
    default void warning(RunWarning event) {
    }

    /**
     * A run's position was written to its state store (or the write failed): once before the first
     * page, after every page that has a next one, and once the last page's records are delivered
     * (after {@link #runFinished}). Reported by the code that keeps state ({@code Checkpointing},
     * {@code IncrementalSync}) on the run's id; its time shows how long each checkpoint holds the run up.
     */
    default void stateCommitted(StateCommitted event) {
    }

    /** A connector run ended, completed or not; reported just before {@link #connectorDone}. */
    default void runFinished(RunFinished event) {
    }

    /** A connector run ended, completed or not. */
    default void connectorDone(RunReport report) {
    }

    /** A listener that ignores everything. */
    static InletListener none() {
        return Listeners.NONE;
    }

    /** A listener that forwards every event to each of these, in order, isolating their failures. */
    static InletListener all(List<InletListener> listeners) {
        return Listeners.composite(listeners);
    }

    /**
     * A request attempt.
     *
     * @param connector the connector's name ({@code ""} outside a connector)
     * @param method the HTTP method
     * @param url the URL with secrets masked
     * @param attempt 1 for the first attempt
     * @param exchangeId the call's id, shared by all its attempts ({@code ""} if unknown); see
     *     {@link CallFailed#exchangeId()}
     */
    record RequestSent(String connector, String method, String url, int attempt, String exchangeId) {

        /** An attempt without an exchange id. */
        public RequestSent(String connector, String method, String url, int attempt) {
            this(connector, method, url, attempt, "");
        }
    }

    /**
     * A response's headers arrived.
     *
     * @param connector the connector's name
     * @param method the HTTP method
     * @param url the URL with secrets masked
     * @param status the HTTP status
     * @param elapsed time from sending to the response headers
     * @param attempt 1 for the first attempt
     * @param exchangeId the call's id, shared by all its attempts ({@code ""} if unknown)
     */
    record ResponseReceived(String connector, String method, String url, int status, Duration elapsed,
            int attempt, String exchangeId) {

        /** A response without an exchange id. */
        public ResponseReceived(String connector, String method, String url, int status, Duration elapsed,
                int attempt) {
            this(connector, method, url, status, elapsed, attempt, "");
        }
    }

    /**
     * A retry was scheduled.
     *
     * @param connector the connector's name
     * @param method the HTTP method
     * @param url the URL with secrets masked
     * @param failedAttempt the attempt that failed (1 for the first)
     * @param delay how long before the next attempt
     * @param reason why the attempt failed and where the wait came from
     * @param exchangeId the call's id, shared by all its attempts ({@code ""} if unknown)
     */
    record RetryScheduled(String connector, String method, String url, int failedAttempt, Duration delay,
            String reason, String exchangeId) {

        /** A retry without an exchange id. */
        public RetryScheduled(String connector, String method, String url, int failedAttempt, Duration delay,
                String reason) {
            this(connector, method, url, failedAttempt, delay, reason, "");
        }
    }

    /**
     * A wait imposed by a rate limit.
     *
     * @param connector the connector's name
     * @param key the limiter's key (a host or a shared name)
     * @param delay how long the request waits
     * @param reason which limit: the client-side rate, or the server's remaining budget
     */
    record RateLimited(String connector, String key, Duration delay, String reason) {
    }

    /**
     * A request to another origin was refused.
     *
     * @param connector the connector's name ({@code ""} outside a connector)
     * @param url the URL that pointed elsewhere (the redirected request or the page), secrets masked
     * @param target where it pointed, secrets masked
     * @param reason what pointed there ({@code redirect} or {@code next page}) and how to allow it
     */
    record OriginRefused(String connector, String url, String target, String reason) {
    }

    /**
     * A page was read to its end.
     *
     * @param connector the connector's name
     * @param position where the page was asked for
     * @param next where the run continues (the next page), or empty if this was the last page: the
     *     position to checkpoint
     * @param records records delivered from the page
     * @param rejected records rejected from the page
     * @param elapsed from requesting the page to reading its last record
     * @param runId the run's id ({@code ""} if unknown); see {@link RunStarted#runId()}
     */
    record PageDone(String connector, Position position, java.util.Optional<Position> next, int records,
            int rejected, Duration elapsed, String runId) {

        /** A page without a run id. */
        public PageDone(String connector, Position position, java.util.Optional<Position> next, int records,
                int rejected, Duration elapsed) {
            this(connector, position, next, records, rejected, elapsed, "");
        }
    }

    /**
     * A run was opened.
     *
     * @param connector the connector's name
     * @param runId the run's id: unique per run, shared by its page and finish events (see
     *     {@link RunContext})
     * @param from the position the run starts at
     */
    record RunStarted(String connector, String runId, Position from) {
    }

    /**
     * A run asks for a page.
     *
     * @param connector the connector's name
     * @param runId the run's id
     * @param position the page's position
     */
    record PageStarted(String connector, String runId, Position position) {
    }

    /**
     * A run ended.
     *
     * @param runId the run's id
     * @param report what the run did (the same report {@link #connectorDone} gets)
     */
    record RunFinished(String runId, RunReport report) {
    }

    /**
     * A call gave up.
     *
     * @param connector the connector's name ({@code ""} outside a connector)
     * @param exchangeId the call's id, the same for all its attempts (and all fetches of one page),
     *     different for every other call
     * @param method the HTTP method
     * @param url the URL with secrets masked
     * @param attempts how many attempts were made
     * @param exceptionType the fully qualified class name of the exception thrown to the caller
     * @param message its message, with every secret the call sent scrubbed
     */
    record CallFailed(String connector, String exchangeId, String method, String url, int attempts,
            String exceptionType, String message) {
    }

    /**
     * A state commit: one write of a run's state to its store.
     *
     * @param connector the connector's name
     * @param runId the run's id
     * @param state the name the state is stored under
     * @param elapsed how long the store took to write it (or to fail)
     * @param succeeded false if the store threw; the run then fails with that exception
     */
    record StateCommitted(String connector, String runId, String state, Duration elapsed, boolean succeeded) {
    }
}
