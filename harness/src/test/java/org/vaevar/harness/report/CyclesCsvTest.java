package org.vaevar.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaevar.api.util.ProgressListener;
import org.vaevar.assimilation.Vaevar;
import org.vaevar.assimilation.config.Presets;
import org.vaevar.assimilation.config.RunOptions;
import org.vaevar.assimilation.experiment.CycleRecord;
import org.vaevar.assimilation.experiment.CycleRecords;
import org.vaevar.harness.io.CsvTable;

/** cycles.csv streamed during a run is, byte for byte, the table of the run's records built in memory. */
class CyclesCsvTest {

    @TempDir
    Path tmp;

    @Test
    void theStreamedFileIsTheInMemoryTable() throws Exception {
        for (String preset : List.of("l96-3dvar", "l96-sakov2008-etkf")) {
            Path dir = Files.createDirectories(tmp.resolve(preset));
            CycleRecords records = new CycleRecords();
            try (CyclesCsv csv = new CyclesCsv(dir)) {
                Vaevar.experiment(Presets.load(preset, List.of("cycles=40", "spinupCycles=5", "tuning=null",
                        "calibration.runs=1", "calibration.cycles=100", "calibration.spinupCycles=10")),
                        new RunOptions(Path.of("target", "test-cache"), ProgressListener.SILENT)).run(records, csv);
            }
            CsvTable table = new CsvTable(CyclesCsv.COLUMNS);
            for (CycleRecord r : records.list()) {
                table.addRow(CyclesCsv.cells(r));
            }
            assertThat(records.list()).hasSize(40);
            assertThat(Files.readString(dir.resolve(CyclesCsv.FILE))).isEqualTo(table.toCsv());
        }
    }
}
