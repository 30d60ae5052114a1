package org.vaevar.harness.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.vaevar.api.method.CostTerms;
import org.vaevar.assimilation.experiment.CycleRecord;

/**
 * Streams one row per cycle to {@value #FILE} as the cycles run, so a run's records never pile up in memory: the
 * columns of {@link #COLUMNS}, numbers in their shortest round-trip form (equal runs give equal bytes, as the
 * table written at the end of a run always did).
 */
public final class CyclesCsv extends StreamedCsv {

    public static final String FILE = "cycles.csv";

    public static final List<String> COLUMNS = List.of("cycle", "time", "rmseBackground", "rmseAnalysis",
            "rmseAnalysisWindowStart", "iterations", "evaluations", "initialCost", "finalCost", "stopReason",
            "spreadBackground", "spreadAnalysis", "jbFirstGuess", "joFirstGuess", "joPerObservationFirstGuess",
            "jbAnalysis", "joAnalysis", "joPerObservationAnalysis");

    public CyclesCsv(Path dir) throws IOException {
        super(dir.resolve(FILE));
        for (String c : COLUMNS) {
            csv.cell(c);
        }
        csv.endRow();
    }

    /** The cells of a record's row, in {@link #COLUMNS} order (integers, doubles and the stop label). */
    public static Object[] cells(CycleRecord r) {
        CostTerms fg = r.diagnostics().firstGuess();
        CostTerms an = r.diagnostics().analysis();
        return new Object[] {r.cycle(), r.time(), r.rmseBackground(), r.rmseAnalysis(), r.rmseAnalysisStart(),
            r.iterations(), r.evaluations(), r.initialCost(), r.finalCost(), r.diagnostics().stopLabel(),
            r.spreadBackground(), r.spreadAnalysis(), fg.jb(), fg.jo(), fg.joPerObservation(), an.jb(), an.jo(),
            an.joPerObservation()};
    }

    @Override
    public void cycle(Cycle c) {
        for (Object cell : cells(c.record())) {
            if (cell instanceof Integer i) {
                csv.cell(i);
            } else if (cell instanceof Double d) {
                csv.cell(d.doubleValue());
            } else {
                csv.cell((String) cell); // the stop label: an enum name or "none", never in need of quotes
            }
        }
        csv.endRow();
    }
}
