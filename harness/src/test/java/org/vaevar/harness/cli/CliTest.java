package org.vaevar.harness.cli;

import org.vaevar.assimilation.config.ConfigText;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaevar.harness.io.CsvTable;
import org.vaevar.harness.io.Json;

/** The command line end to end: files of a run, determinism, and bad input ending in one clear line. */
class CliTest {

    @TempDir
    Path tmp;

    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome vaevar(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static final String[] SHORT = {"--cycles", "60", "--set", "spinupCycles=10", "--set",
            "calibration.cycles=150", "--set", "calibration.spinupCycles=20", "--set", "calibration.runs=1",
            "--set", "tuning.grid=[0.7,1.4]", "--set", "tuning.cycles=60", "--set", "tuning.spinupCycles=10", "-q"};

    private Outcome run(String preset, Path dir, String... more) {
        String[] args = Stream.of(new String[] {"run", preset, "--out", dir.toString()}, SHORT, more)
                .flatMap(Stream::of).toArray(String[]::new);
        return vaevar(args);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRunWritesItsFilesAndTheSameSeedGivesBitIdenticalCycles() throws IOException {
        Outcome first = run("l63-3dvar", tmp.resolve("a"));
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("l63-3dvar").contains("rmse a");
        for (String f : new String[] {"summary.json", "cycles.csv", "rmse.png", "trajectory.png", "trajectories.csv",
            "observations.csv"}) {
            assertThat(tmp.resolve("a").resolve(f)).isNotEmptyFile();
        }
        var summary = ConfigText.readObject(tmp.resolve("a/summary.json"));
        assertThat(summary).containsKeys("model", "prior", "minimizer", "window", "cycles", "spinupCycles", "seed",
                "rmse", "wallSeconds", "msPerCycle", "minimization");
        assertThat((java.util.Map<String, Object>) summary.get("rmse")).containsKeys("background", "analysis");
        assertThat((java.util.Map<String, Object>) summary.get("minimization")).containsKeys("meanIterations", "meanEvaluations");
        CsvTable cycles = CsvTable.read(tmp.resolve("a/cycles.csv"));
        assertThat(cycles.rowCount()).isEqualTo(60);
        assertThat(cycles.columns()).startsWith("cycle", "time", "rmseBackground", "rmseAnalysis");

        assertThat(run("l63-3dvar", tmp.resolve("b")).exit()).isZero();
        assertThat(Files.readAllBytes(tmp.resolve("b/cycles.csv"))).isEqualTo(Files.readAllBytes(tmp.resolve("a/cycles.csv")));
        assertThat(run("l63-3dvar", tmp.resolve("c"), "--seed", "2").exit()).isZero();
        assertThat(Files.readAllBytes(tmp.resolve("c/cycles.csv")))
                .isNotEqualTo(Files.readAllBytes(tmp.resolve("a/cycles.csv")));
    }

    /** Every ensemble preset runs through the CLI and writes its report (no prior: nothing prior-specific is read). */
    @Test
    void anEnsembleRunWritesItsReport() {
        for (String preset : new String[] {"l63-sakov2012-etkf", "l96-sakov2008-letkf"}) {
            Path dir = tmp.resolve(preset);
            Outcome o = vaevar("run", preset, "--out", dir.toString(), "--cycles", "60", "--set", "spinupCycles=10",
                    "-q");
            assertThat(o.exit()).as(o.err()).isZero();
            assertThat(dir.resolve("summary.json")).content().contains("\"method\"");
            assertThat(dir.resolve(".vaevar-run")).exists();
        }
    }

    @Test
    void badInputEndsWithOneClearLineAndNoCompleteRunDirectory() throws IOException {
        String[][] cases = {
                {"observations.noise=-1", "observations.noise = -1.0: must be positive"},
                {"window=0", "window = 0: must be at least 1"},
                {"prior.name=gausian", "unknown prior 'gausian'; known: gaussian"},
                {"minimizer.name=bfgs", "unknown minimizer 'bfgs'; known: cg, lbfgs"},
                {"observations.operator.name=cubic", "unknown observation operator 'cubic'"},
                {"model.rho=NaN", "lorenz63.rho = NaN: must be finite"},
                {"observations.nosie=1", "unknown config field 'observations.nosie'"},
                {"observations.operator.components=[0,7]", "7"},
        };
        int i = 0;
        for (String[] c : cases) {
            Path dir = tmp.resolve("bad" + i++);
            Outcome o = run("l63-3dvar", dir, "--set", c[0]);
            assertThat(o.exit()).as("exit code for %s; stderr %s", c[0], o.err()).isEqualTo(Main.EXIT_BAD_INPUT);
            assertThat(o.err()).as(c[0]).startsWith("vaevar: error: ").contains(c[1]);
            assertThat(o.err().lines().count()).as("one line for %s", c[0]).isEqualTo(1);
            assertThat(dir).as("no run directory that looks complete for %s", c[0]).doesNotExist();
        }
    }

    @Test
    void aDivergingRunExitsWithItsOwnCodeAndLeavesOnlyAPartialDirectory() throws IOException {
        Path dir = tmp.resolve("diverged");
        Outcome o = run("l96-3dvar", dir, "--set", "model.dt=0.9");
        assertThat(o.exit()).as(o.err()).isEqualTo(Main.EXIT_DIVERGED);
        assertThat(o.err()).contains("blew up");
        assertThat(dir).doesNotExist();
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).allMatch(n -> n.startsWith("diverged.partial"));
        }
    }

    @Test
    void unknownPresetsAndCommandsAreRefused() {
        Outcome o = vaevar("run", "l96-5dvar", "--out", tmp.resolve("x").toString());
        assertThat(o.exit()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.err()).contains("unknown preset 'l96-5dvar'; known: ");
        assertThat(vaevar("frobnicate").exit()).isNotZero();
    }

    @Test
    void pluginsListsEveryKind() {
        Outcome o = vaevar("plugins");
        assertThat(o.exit()).isZero();
        assertThat(o.out()).contains("models:", "lorenz63", "lorenz96", "observation operators:", "linear", "arctan",
                "quadratic", "priors:", "gaussian", "minimizers:", "lbfgs", "cg");
        assertThat(o.out()).as("where each plugin was loaded from").containsPattern("from \\S*models-lorenz");
    }

    @Test
    @SuppressWarnings("unchecked")
    void trainsAVaeRunsWithItsFileAndRefusesACorruptOrMismatchedOne() throws IOException {
        Path file = tmp.resolve("l63.vaeprior");
        String[] tiny = {"--set", "prior.epochs=3", "--set", "prior.width=8", "--set", "calibration.cycles=150",
                "--set", "calibration.spinupCycles=20", "--set", "calibration.runs=1", "-q"};
        Outcome trained = vaevar(Stream.of(new String[] {"train-vae", "l63-vae3dvar", "--out", file.toString()}, tiny)
                .flatMap(Stream::of).toArray(String[]::new));
        assertThat(trained.exit()).as(trained.err()).isZero();
        assertThat(file).isNotEmptyFile();

        Outcome used = run("l63-vae3dvar", tmp.resolve("vae-run"), "--set", "prior.file=" + file);
        assertThat(used.exit()).as(used.err()).isZero();
        var prior = (java.util.Map<String, Object>) ConfigText.readObject(tmp.resolve("vae-run/summary.json")).get("prior");
        assertThat(prior).containsEntry("source", "file").containsKey("training");

        byte[] bytes = Files.readAllBytes(file);
        Path truncated = tmp.resolve("truncated.vaeprior");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Outcome corrupt = run("l63-vae3dvar", tmp.resolve("corrupt-run"), "--set", "prior.file=" + truncated);
        assertThat(corrupt.exit()).as(corrupt.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(corrupt.err()).startsWith("vaevar: error: ").contains("truncated.vaeprior");
        assertThat(tmp.resolve("corrupt-run")).doesNotExist();

        Outcome mismatched = run("l96-vae3dvar", tmp.resolve("mismatch-run"), "--set", "prior.file=" + file);
        assertThat(mismatched.exit()).as(mismatched.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(mismatched.err()).contains("dimension");
    }
}
