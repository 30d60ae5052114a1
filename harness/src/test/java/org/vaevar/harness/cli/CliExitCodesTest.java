package org.vaevar.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vaevar.harness.cli.CliOutputSafetyTest.vaevar;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaevar.assimilation.config.ConfigText;
import org.vaevar.harness.cli.CliOutputSafetyTest.Outcome;
import org.vaevar.harness.io.AtomicFiles;
import org.vaevar.harness.io.ExitStatus;
import org.vaevar.harness.io.RunDirectory;

/** Every failure ends with one line naming the field or path, and its documented exit code. */
class CliExitCodesTest {

    @TempDir
    Path tmp;

    private Outcome run(String preset, String... more) {
        List<String> args = new ArrayList<>(List.of("run", preset, "--out", tmp.resolve("out").toString(), "-q"));
        args.addAll(List.of(more));
        return vaevar(args.toArray(String[]::new));
    }

    private static void assertOneLine(Outcome o, int exit, String... contains) {
        assertThat(o.exit()).as(o.err()).isEqualTo(exit);
        assertThat(o.err()).contains(contains);
        assertThat(o.err().lines().count()).as(o.err()).isEqualTo(1);
    }

    @Test
    void sizesAndNumbersOutOfRangeNameTheirFieldAndSayWhy() {
        assertOneLine(run("l96-3dvar", "--set", "model.n=1e9"), 2, "model.n = 1000000000: too large for memory",
                "Java heap");
        assertOneLine(run("l96-3dvar", "--set", "cycles=3e9"), 2, "cycles = 3000000000: too large: must be at most");
        assertOneLine(run("l96-3dvar", "--set", "model.n=99999999999"), 2, "lorenz96.n = 99999999999: too large");
        assertOneLine(run("l96-3dvar", "--set", "seed=1e30"), 2, "seed = 1.0E30: too large");
        assertOneLine(run("l96-3dvar", "--set", "seed=1.5"), 2, "seed = 1.5: must be an integer");
        assertOneLine(run("l96-3dvar", "--set", "seed=100000000000000000000"), 2, "seed = 100000000000000000000: too large");
        assertOneLine(run("l63-3dvar", "--set", "observations.noise=1e300"), 2, "observations.noise = 1.0E300: too large");
        assertOneLine(run("l63-3dvar", "--set", "observations.variance=1e-320", "--set", "observations.noise=null"), 2,
                "observations.variance");
    }

    @Test
    void aConfigPathThatIsADirectoryIsSaidToBeOne() throws IOException {
        Path d = Files.createDirectory(tmp.resolve("exp.json"));
        Outcome o = vaevar("run", d.toString(), "--out", tmp.resolve("out").toString(), "-q");
        assertOneLine(o, 2, "exp.json is a directory");
    }

    @Test
    void aModelThatBlowsUpBeforeAssimilationIsADivergence() {
        Outcome o = run("l63-3dvar", "--set", "model.dt=0.5");
        assertThat(o.exit()).as(o.err()).isEqualTo(ExitStatus.DIVERGED);
        assertThat(o.err()).startsWith("vaevar: diverged: ").contains("dt");
    }

    @Test
    void cyclesBelowTheSpinUpScaleTheSpinUpDownAndSaySo() throws IOException {
        Outcome o = run("l63-3dvar", "--cycles", "50", "--set", "calibration.cycles=100", "--set",
                "calibration.spinupCycles=20", "--set", "calibration.runs=1", "--set", "tuning.grid=[1]",
                "--set", "tuning.cycles=40", "--set", "tuning.spinupCycles=10");
        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.err()).contains("spin-up scaled to 5 cycles", "spinupCycles");
        Map<String, Object> s = ConfigText.readObject(tmp.resolve("out/summary.json"));
        assertThat(s).containsEntry("spinupCycles", 5).containsEntry("cycles", 50);
    }

    @Test
    void anOutputThatCannotBeCreatedExitsWithTheWriteCodeNamingThePath() throws IOException {
        Path target;
        if ("root".equals(System.getProperty("user.name"))) {
            Assumptions.assumeTrue(Files.isDirectory(Path.of("/sys/kernel")), "needs a read-only place as root");
            target = Path.of("/sys/kernel/vaevar-run");
        } else {
            Path ro = Files.createDirectory(tmp.resolve("ro"));
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
            target = ro.resolve("run");
        }
        Outcome o = vaevar("run", "l63-3dvar", "--out", target.toString(), "-q");
        assertOneLine(o, ExitStatus.CANNOT_WRITE, target.toString(), "cannot create the run directory");
    }

    @Test
    void theLoserOfARaceOnOneOutGetsTheWriteCodeAndKeepsItsPartialDirectory() throws IOException {
        Path target = tmp.resolve("race");
        RunDirectory loser = RunDirectory.create(target, false);
        AtomicFiles.writeString(loser.resolve("summary.json"), "mine");
        try (RunDirectory winner = RunDirectory.create(target, false)) {
            winner.commit();
        }
        FileAlreadyExistsException e = null;
        try {
            loser.commit();
        } catch (FileAlreadyExistsException x) {
            e = x;
            loser.abandon(x);
        }
        assertThat(e).isNotNull();
        assertThat(ExitStatus.of(e)).isEqualTo(ExitStatus.CANNOT_WRITE);
        assertThat(ExitStatus.message(e)).contains(target.toString(), "another run appeared here",
                loser.stagingPath().toString());
        assertThat(Files.readString(loser.stagingPath().resolve(RunDirectory.FAILURE_FILE))).contains("exit code: 4");
    }
}
