package dev.inlet.kafka.connect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.source.TransactionContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/** A task context over an in-memory offset store, optionally with a recording transaction context. */
final class FakeTaskContext implements SourceTaskContext {

    final Map<Map<String, ?>, Map<String, Object>> offsets = new HashMap<>();
    final List<SourceRecord> committedOn = new ArrayList<>();
    private final boolean transactional;

    FakeTaskContext(boolean transactional) {
        this.transactional = transactional;
    }

    @Override
    public Map<String, String> configs() {
        return Map.of();
    }

    @Override
    public org.apache.kafka.common.metrics.PluginMetrics pluginMetrics() {
        throw new UnsupportedOperationException("no plugin metrics in unit tests");
    }

    @Override
    public OffsetStorageReader offsetStorageReader() {
        return new OffsetStorageReader() {
            @Override
            public <T> Map<String, Object> offset(Map<String, T> partition) {
                return offsets.get(partition);
            }

            @Override
            public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                Map<Map<String, T>, Map<String, Object>> result = new HashMap<>();
                partitions.forEach(p -> result.put(p, offsets.get(p)));
                return result;
            }
        };
    }

    @Override
    public TransactionContext transactionContext() {
        if (!transactional) {
            return null;
        }
        return new TransactionContext() {
            @Override
            public void commitTransaction() {
                throw new AssertionError("the task names the record its transaction ends with");
            }

            @Override
            public void commitTransaction(SourceRecord record) {
                committedOn.add(record);
            }

            @Override
            public void abortTransaction() {
                throw new AssertionError("no abort expected");
            }

            @Override
            public void abortTransaction(SourceRecord record) {
                throw new AssertionError("no abort expected");
            }
        };
    }
}
