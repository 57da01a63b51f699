package dev.inlet.kafka.connect;

import dev.inlet.core.Page;
import dev.inlet.core.Position;
import dev.inlet.core.error.InletException;
import dev.inlet.kafka.connect.internal.Failures;
import dev.inlet.kafka.connect.internal.PageRecords;
import dev.inlet.kafka.connect.internal.SourceConfig;
import dev.inlet.kafka.connect.internal.SourceOffsets;
import dev.inlet.kafka.connect.internal.StreamCursor;
import dev.inlet.kafka.connect.internal.TaskItems;
import dev.inlet.kafka.connect.internal.ValueConverter;
import dev.inlet.kafka.connect.internal.WorkItem;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.source.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The task of {@link InletSourceConnector}: reads its tenants' streams one page per
 * {@link #poll()}, round-robin over the streams that are ready.
 *
 * <p>A stream waits after a transient failure Inlet's own retries did not overcome (the poll then
 * throws a {@link RetriableException} and Connect polls again; other streams go on) and, when it is
 * done, until its rescan. When no stream is ready, {@code poll} waits at most
 * {@code inlet.poll.wait.ms} and returns {@code null}; {@link #stop()} ends that wait at once. Rate
 * limits are the streams' connectors' own ({@code RateLimiters}): every stream of one rate-limit key
 * is in this task, so a limiter in the process holds the key's budget.
 *
 * <p>With exactly-once source support enabled on the worker and
 * {@code transaction.boundary=connector}, each page is one transaction.
 */
public class InletSourceTask extends SourceTask {

    private static final Logger LOG = LoggerFactory.getLogger(InletSourceTask.class);

    private final Clock clock;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<StreamCursor> cursors = new ArrayList<>();
    private SourceConfig config;
    private PageRecords pageRecords;
    private TransactionContext transactions;
    private Duration pollWait;
    private Duration retryBackoff;
    private long rescanMillis;
    private int next;

    /** A task on the system clock (Connect's constructor). */
    public InletSourceTask() {
        this(Clock.systemUTC());
    }

    /** A task on this clock (for tests). */
    InletSourceTask(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String version() {
        return InletSourceConnector.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        config = new SourceConfig(props);
        pageRecords = new PageRecords(config);
        pollWait = Duration.ofMillis(config.getLong(SourceConfig.POLL_WAIT_MS));
        retryBackoff = Duration.ofMillis(config.getLong(SourceConfig.RETRY_BACKOFF_MS));
        rescanMillis = config.getLong(SourceConfig.RESCAN_INTERVAL_MS);
        transactions = context == null ? null : context.transactionContext();
        InletConnectorFactory factory = config.factory();
        Map<String, Tenant> tenants = new HashMap<>();
        config.tenants().forEach(t -> tenants.put(t.id(), t));
        Map<String, Map<String, StreamSource>> streams = new HashMap<>();
        for (WorkItem item : TaskItems.read(config.getString(SourceConfig.TASK_ITEMS))) {
            Tenant tenant = tenants.get(item.tenant());
            if (tenant == null) {
                throw new ConnectException("task item names tenant '" + item.tenant() + "', which is not configured");
            }
            StreamSource source = streams.computeIfAbsent(item.tenant(), id -> byName(factory.streams(tenant)))
                    .get(item.stream());
            if (source == null) {
                throw new ConnectException("the factory gives no stream '" + item.stream() + "' for tenant '"
                        + item.tenant() + "' any more; restart the connector so that it plans its tasks again");
            }
            cursors.add(new StreamCursor(item, source,
                    SourceOffsets.partition(config.connectorName(), item.stream(), item.tenant()),
                    ValueConverter.of(config.format(), item.stream(), source.schema())));
        }
        resumeFromStoredOffsets();
        LOG.info("Inlet task of connector '{}' reads {} streams", config.connectorName(), cursors.size());
    }

    private static Map<String, StreamSource> byName(List<StreamSource> sources) {
        Map<String, StreamSource> byName = new LinkedHashMap<>();
        sources.forEach(s -> byName.put(s.stream(), s));
        return byName;
    }

    private void resumeFromStoredOffsets() {
        if (context == null || cursors.isEmpty()) {
            return;
        }
        List<Map<String, String>> partitions = cursors.stream().map(StreamCursor::partition).toList();
        Map<Map<String, String>, Map<String, Object>> offsets = context.offsetStorageReader().offsets(partitions);
        long now = clock.millis();
        for (StreamCursor cursor : cursors) {
            Map<String, Object> offset = offsets == null ? null : offsets.get(cursor.partition());
            SourceOffsets.Resume resume;
            try {
                resume = SourceOffsets.read(offset);
            } catch (IllegalArgumentException e) {
                throw new ConnectException("The stored offset of " + cursor + " is not an Inlet offset: "
                        + e.getMessage() + ". Alter or reset the connector's offsets", e);
            }
            if (resume.continues()) {
                cursor.finishContinuing(resume.position(), rescanMillis < 0 ? Long.MAX_VALUE : now + rescanMillis);
            } else if (resume.done()) {
                cursor.finish(resume.position(), rescanMillis < 0 ? Long.MAX_VALUE : now + rescanMillis);
            } else {
                cursor.moveTo(resume.position());
            }
        }
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        long deadline = clock.millis() + pollWait.toMillis();
        while (stopped.getCount() > 0) {
            long now = clock.millis();
            StreamCursor cursor = nextReady(now);
            if (cursor != null) {
                return readPage(cursor, now);
            }
            if (now >= deadline) {
                return null;
            }
            long wakeAt = deadline;
            for (StreamCursor c : cursors) {
                wakeAt = Math.min(wakeAt, c.notBeforeMillis());
            }
            if (stopped.await(Math.max(1, wakeAt - now), TimeUnit.MILLISECONDS)) {
                return null;
            }
        }
        return null;
    }

    private StreamCursor nextReady(long now) {
        for (int i = 0; i < cursors.size(); i++) {
            int index = (next + i) % cursors.size();
            StreamCursor cursor = cursors.get(index);
            if (cursor.readyAt(now)) {
                next = (index + 1) % cursors.size();
                if (cursor.done()) {
                    cursor.moveTo(cursor.continues() ? cursor.position() : Position.start());
                }
                return cursor;
            }
        }
        return null;
    }

    private List<SourceRecord> readPage(StreamCursor cursor, long now) {
        Position at = cursor.position();
        Page<JsonNode> page;
        try {
            page = cursor.source().connector().fetch(at);
        } catch (InletException e) {
            Optional<Duration> wait = Failures.retryAfter(e, retryBackoff, clock.instant());
            String message = "Reading " + cursor + " at " + at.describe() + " failed: " + e.getMessage();
            if (wait.isPresent()) {
                cursor.waitUntil(now + wait.get().toMillis());
                LOG.warn("{}; trying again in {} ms", message, wait.get().toMillis());
                throw new RetriableException(message);
            }
            throw new ConnectException(message);
        }
        Map<String, Object> endOffset;
        if (page.next().isPresent()) {
            cursor.moveTo(page.next().get());
            endOffset = SourceOffsets.at(page.next().get());
        } else if (page.continuation().isPresent()) {
            // A sync API: the rescan asks for what changed since, from where this page said.
            Position nextScan = Position.startingAt(page.continuation().get());
            cursor.finishContinuing(nextScan, rescanMillis < 0 ? Long.MAX_VALUE : now + rescanMillis);
            endOffset = SourceOffsets.continuing(nextScan);
        } else {
            cursor.finish(at, rescanMillis < 0 ? Long.MAX_VALUE : now + rescanMillis);
            endOffset = SourceOffsets.done(at);
        }
        List<SourceRecord> records;
        try {
            records = pageRecords.of(cursor, page, endOffset);
        } catch (ConnectException e) {
            cursor.moveTo(at);
            throw e;
        }
        if (transactions != null) {
            transactions.commitTransaction(records.get(records.size() - 1));
        }
        return records;
    }

    @Override
    public void stop() {
        stopped.countDown();
    }
}
