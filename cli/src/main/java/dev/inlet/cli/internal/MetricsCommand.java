package dev.inlet.cli.internal;

import dev.inlet.core.metrics.TimeSeries;
import dev.inlet.declarative.BoundDefinition;
import dev.inlet.declarative.Definition;
import dev.inlet.declarative.MetricDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code inlet metrics FILE [METRIC]}: without a metric, lists the definition's metrics; with one, reads
 * its stream once and prints the time series (core {@code Aggregation}, as defined under {@code metrics:}).
 */
@Command(name = "metrics", description = "List a definition's metrics, or compute one over a full read of its stream.")
final class MetricsCommand implements Callable<Integer> {

    @ParentCommand
    InletCommand parent;

    @Mixin
    DefinitionOptions definition;

    @Parameters(index = "1", arity = "0..1", paramLabel = "METRIC", description = "The metric to compute.")
    String metric;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT", description = "csv (default) or json.")
    String format;

    @Override
    public Integer call() {
        Definition d = definition.load();
        if (!format.equals("csv") && !format.equals("json")) {
            throw new UsageException("unknown --format `" + format + "`; expected csv or json");
        }
        if (metric == null) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("metric", "stream", "measure", "grain", "dimensions", "description"));
            for (MetricDefinition m : d.metrics()) {
                rows.add(List.of(m.name(), m.stream(), m.measure() + m.field().map(f -> " " + f).orElse(""),
                        m.grain().name().toLowerCase(java.util.Locale.ROOT) + " " + m.zone(),
                        String.join(" ", m.dimensions()), m.description()));
            }
            Table.print(rows, parent.context.out);
            return ExitCodes.OK;
        }
        Progress progress = new Progress(parent.context.err, parent.context.interactive());
        BoundDefinition bound = definition.bind(d, progress);
        TimeSeries series;
        try {
            series = bound.aggregate(metric);
        } finally {
            progress.finish();
        }
        parent.context.out.print(format.equals("csv") ? series.toCsv() : series.toJson() + "\n");
        return ExitCodes.OK;
    }
}
