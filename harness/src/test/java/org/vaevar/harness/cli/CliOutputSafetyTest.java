package org.vaevar.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaevar.harness.io.RunDirectory;

/** What the command line may replace, what a failure leaves behind, and the line and exit code it ends with. */
class CliOutputSafetyTest {

    @TempDir
    Path tmp;

    record Outcome(int exit, String out, String err) {
    }

    static Outcome vaevar(String... args) {
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

    static final String[] SHORT = {"--cycles", "40", "--set", "spinupCycles=10", "--set",
            "calibration.cycles=100", "--set", "calibration.spinupCycles=20", "--set", "calibration.runs=1",
            "--set", "tuning.grid=[1]", "--set", "tuning.cycles=40", "--set", "tuning.spinupCycles=10", "-q"};

    static Outcome run(String preset, Path dir, String... more) {
        String[] args = Stream.of(new String[] {"run", preset, "--out", dir.toString()}, SHORT, more)
                .flatMap(Stream::of).toArray(String[]::new);
        return vaevar(args);
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void overwriteRefusesADirectoryThatIsNotARunAndKeepsIt() throws IOException {
        Path mine = Files.createDirectory(tmp.resolve("notes"));
        Files.writeString(mine.resolve("todo.txt"), "keep me");
        for (String[] flags : new String[][] {{}, {"--overwrite"}}) {
            Outcome o = run("l63-3dvar", mine, flags);
            assertThat(o.exit()).as(o.err()).isEqualTo(Main.EXIT_BAD_INPUT);
            assertThat(o.err()).contains(mine.toString(), "not a vaevar run directory")
                    .doesNotContain("holds a complete run");
            assertThat(o.err().lines().count()).isEqualTo(1);
        }
        assertThat(Files.readString(mine.resolve("todo.txt"))).isEqualTo("keep me");
        assertThat(names()).containsExactly("notes");
    }

    @Test
    void aCompleteRunIsReplacedOnlyWithOverwriteAndTheRefusalNamesTheFlag() throws IOException {
        Path dir = tmp.resolve("r");
        assertThat(run("l63-3dvar", dir).exit()).isZero();
        Outcome again = run("l63-3dvar", dir);
        assertThat(again.exit()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(again.err()).contains("already holds a complete vaevar run", "--overwrite");
        Outcome replaced = run("l63-3dvar", dir, "--overwrite");
        assertThat(replaced.exit()).as(replaced.err()).isZero();
        assertThat(RunDirectory.isCompleteRun(dir)).isTrue();
        assertThat(names()).containsExactly("r");
    }

    @Test
    void outputPathsThatAreFilesOrUnderAFileAreRefusedUpFront() throws IOException {
        Path file = Files.writeString(tmp.resolve("file.txt"), "x");
        Outcome isFile = run("l63-3dvar", file, "--overwrite");
        assertThat(isFile.exit()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(isFile.err()).contains("file.txt", "is a file");
        Outcome under = run("l63-3dvar", file.resolve("run"));
        assertThat(under.exit()).as(under.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(under.err()).contains("file.txt is a file, not a directory");
        assertThat(Files.readString(file)).isEqualTo("x");
        assertThat(names()).containsExactly("file.txt");
    }

    @Test
    void pluginErrorsLeaveNoDirectoryAtAll() throws IOException {
        Path notAFile = Files.createDirectory(tmp.resolve("a-directory"));
        Path garbage = Files.writeString(tmp.resolve("garbage.vaeprior"), "not a model");
        String[][] cases = {
                {"l63-3dvar", "prior.name=gausian", "unknown prior 'gausian'"},
                {"l63-3dvar", "model.sigma=abc", "lorenz63.sigma"},
                {"l96-3dvar", "model.n=3", "lorenz96.n = 3"},
                {"l63-3dvar", "minimizer.history=0", "lbfgs.history"},
                {"l63-3dvar", "truthModel.name=lorenz97", "unknown model 'lorenz97'"},
                {"l63-vae3dvar", "prior.file=" + notAFile, "is a directory"},
                {"l63-vae3dvar", "prior.file=" + garbage, "garbage.vaeprior"},
        };
        for (String[] c : cases) {
            Outcome o = run(c[0], tmp.resolve("bad"), "--set", c[1]);
            assertThat(o.exit()).as("%s: %s", c[1], o.err()).isEqualTo(Main.EXIT_BAD_INPUT);
            assertThat(o.err()).as(c[1]).startsWith("vaevar: error: ").contains(c[2]);
            assertThat(o.err().lines().count()).as(c[1]).isEqualTo(1);
            assertThat(names()).as("nothing left behind by %s", c[1])
                    .containsExactlyInAnyOrder("a-directory", "garbage.vaeprior");
        }
    }

    @Test
    void aFailedRunKeepsItsPartialNameAndFailedTxtHoldsTheMessageTheExitCodeAndTheConfig() throws IOException {
        Outcome o = run("l96-3dvar", tmp.resolve("diverged"), "--set", "model.dt=0.9");
        assertThat(o.exit()).isEqualTo(Main.EXIT_DIVERGED);
        List<String> left = names();
        assertThat(left).hasSize(1);
        assertThat(left.get(0)).startsWith("diverged.partial-");
        String failed = Files.readString(tmp.resolve(left.get(0)).resolve(RunDirectory.FAILURE_FILE));
        assertThat(failed).contains(o.err().strip(), "exit code: 3", "\"dt\" : 0.9");
    }

    @Test
    void trainPriorRefusesToReplaceAFileWithoutOverwriteAndRefusesADirectory() throws IOException {
        Path existing = Files.writeString(tmp.resolve("precious.vaeprior"), "someone's model");
        Outcome o = vaevar("train-prior", "l63-vae3dvar", "--out", existing.toString(), "-q");
        assertThat(o.exit()).as(o.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.err()).contains("precious.vaeprior", "exists", "--overwrite");
        assertThat(Files.readString(existing)).isEqualTo("someone's model");

        Path directory = Files.createDirectory(tmp.resolve("models"));
        Outcome d = vaevar("train-vae", "l63-vae3dvar", "--out", directory.toString(), "--overwrite", "-q");
        assertThat(d.exit()).as(d.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(d.err()).contains("models", "is a directory");
        assertThat(d.err().lines().count()).isEqualTo(1);
        assertThat(names()).containsExactlyInAnyOrder("precious.vaeprior", "models");
    }

    @Test
    void reproduceOutFollowsTheSameRules() throws IOException {
        Path mine = Files.createDirectory(tmp.resolve("mine"));
        Files.writeString(mine.resolve("data.csv"), "1,2");
        Outcome o = vaevar("reproduce", "--smoke", "--no-docs", "-q", "--overwrite", "--out", mine.toString());
        assertThat(o.exit()).as(o.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(o.err()).contains("not a vaevar run directory");
        assertThat(Files.readString(mine.resolve("data.csv"))).isEqualTo("1,2");
        Outcome file = vaevar("reproduce", "--smoke", "--no-docs", "-q", "--out", mine.resolve("data.csv").toString());
        assertThat(file.exit()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(file.err()).contains("is a file");
        assertThat(names()).containsExactly("mine");
    }
}
