package org.vaevar.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vaevar.harness.cli.CliOutputSafetyTest.vaevar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaevar.harness.cli.CliOutputSafetyTest.Outcome;

class ExchangeCommandTest {

    private static final String[] SHORT = {"--cycles", "120", "--set", "spinupCycles=20", "--set",
            "calibration.cycles=200", "--set", "calibration.spinupCycles=20", "--set", "calibration.runs=1",
            "--set", "tuning.cycles=100", "--set", "tuning.spinupCycles=10", "-q"};

    @TempDir
    Path tmp;

    private static Outcome exchange(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("exchange"));
        all.addAll(List.of(args));
        all.addAll(List.of(SHORT));
        return vaevar(all.toArray(String[]::new));
    }

    @Test
    void printsTheMatrixAndWritesItsCsv() throws IOException {
        Path csv = tmp.resolve("x.csv");
        Outcome o = exchange("l63-3dvar", "l63-4dvar", "--set", "window=1", "--csv", csv.toString());
        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.out()).contains("backgrounds of", "by l63-3dvar", "by l63-4dvar", "(training samples)");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(1 + 4);
        assertThat(lines.get(0)).isEqualTo("source,rmseBackground,errorSd,errorKurtosis,analyst,rmseAnalysis,"
                + "shareBetterThanSource");
        // An existing csv is not replaced without --overwrite, and nothing runs first.
        Outcome again = exchange("l63-3dvar", "l63-4dvar", "--set", "window=1", "--csv", csv.toString());
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("exists");
    }

    @Test
    void experimentsOfDifferentTwinsAreRefusedNamingTheField() {
        Outcome o = exchange("l63-3dvar", "l96-3dvar");
        assertThat(o.exit()).as(o.err()).isEqualTo(2);
        assertThat(o.err()).contains("l96-3dvar: model").contains("exchange compares methods on one twin setting");
    }

    @Test
    void anEnsembleMethodIsRefusedByName() throws IOException {
        java.util.Map<String, Object> tree = new java.util.LinkedHashMap<>(
                org.vaevar.assimilation.config.Presets.tree("l63-3dvar"));
        tree.put("name", "l63-etkf");
        tree.put("method", java.util.Map.of("name", "etkf", "size", 10));
        tree.put("tuning", java.util.Map.of("parameter", "inflation", "grid", List.of(1.02)));
        Path file = tmp.resolve("etkf.json");
        Files.writeString(file, org.vaevar.harness.io.Json.toPrettyString(tree));
        Outcome o = exchange("l63-3dvar", file.toString());
        assertThat(o.exit()).as(o.err()).isEqualTo(2);
        assertThat(o.err()).contains("l63-etkf: method.name = etkf: exchange compares variational methods");
    }
}
