package dev.inlet.cli.internal;

import dev.inlet.core.InletListener;
import dev.inlet.core.RunReport;
import dev.inlet.core.metrics.TimeSeries;
import dev.inlet.declarative.BoundDefinition;
import dev.inlet.declarative.Definition;
import dev.inlet.declarative.DefinitionException;
import dev.inlet.declarative.MetricDefinition;
import dev.inlet.jdbc.MetricHistory;
import dev.inlet.report.Chart;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code inlet metrics FILE [METRIC]}: without a metric, lists the definition's metrics; with one, reads
 * its stream once and prints the time series (core {@code Aggregation}, as defined under {@code metrics:});
 * {@code --into} also stores it in the database's metric history, {@code --history} prints the stored one
 * instead ({@link HistoryOption}).
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

    @Mixin
    ReportOption report;

    @Mixin
    HistoryOption history;

    @Override
    public Integer call() {
        Definition d = definition.load();
        if (!format.equals("csv") && !format.equals("json")) {
            throw new UsageException("unknown --format `" + format + "`; expected csv or json");
        }
        history.check(metric != null, report.file != null);
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
        if (history.history != null) {
            MetricDefinition m = d.metric(metric).orElseThrow(() -> new DefinitionException(d.source(), 0, 0,
                    "metrics", "no metric `" + metric + "`", "one of " + d.metrics().stream()
                            .map(MetricDefinition::name).toList(), null, null));
            print(history.read(m, d.source()));
            return ExitCodes.OK;
        }
        // Opened first: a database that cannot be reached fails before the API is asked anything.
        MetricHistory target = history.into == null ? null : history.openInto();
        Progress progress = new Progress(parent.context.err, parent.context.interactive());
        // The runs the metric is read from, for the lineage stored with its points.
        List<RunReport> runs = new CopyOnWriteArrayList<>();
        InletListener lineage = new InletListener() {
            @Override
            public void connectorDone(RunReport r) {
                runs.add(r);
            }
        };
        BoundDefinition bound = definition.bind(d, report.listener(InletListener.all(List.of(progress, lineage))));
        TimeSeries series = null;
        Throwable failure = null;
        try {
            series = bound.aggregate(metric);
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            progress.finish();
            report.write("inlet metrics " + d.name() + " " + metric, series == null ? List.of() : charts(d, series),
                    parent.context, Optional.ofNullable(failure));
        }
        print(series);
        if (target != null) {
            history.store(target, d.metric(metric).orElseThrow(), series, runs, parent.context);
        }
        return ExitCodes.OK;
    }

    private void print(TimeSeries series) {
        parent.context.out.print(format.equals("csv") ? series.toCsv() : series.toJson() + "\n");
    }

    /** One chart per measure of the series: a line per value of the first dimension, else one line. */
    private List<Chart> charts(Definition d, TimeSeries series) {
        MetricDefinition m = d.metric(metric).orElseThrow();
        List<Chart> charts = new ArrayList<>();
        for (String name : series.metricNames()) {
            Chart.Builder chart = Chart.line(name + (m.description().isEmpty() ? "" : ": " + m.description()))
                    .yLabel(m.measure() + m.field().map(f -> " of " + f).orElse(""));
            if (series.dimensionNames().isEmpty()) {
                chart.series(name, series, name);
            } else {
                chart.seriesBy(series, name, series.dimensionNames().get(0));
            }
            charts.add(chart.build());
        }
        return charts;
    }
}
