package org.vaevar.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaevar.api.parallel.Blocks;
import org.vaevar.api.parallel.ComputeThreads;
import org.vaevar.harness.cli.Main;

/**
 * {@code run --compute-threads 1, 2, 3} at Lorenz 96 N = 20 000 (several blocks): byte-identical cycles.csv and
 * trajectories.csv (truth, background and analysis states) for 3D-Var with the circulant B, 4D-Var over 3
 * observation times, and VAE-3D-Var with a conv prior trained at N 40.
 */
class ComputeThreadsRunTest {

    private static final int N = 20_000;

    @TempDir
    Path tmp;

    /** Every kernel call of more than one block is shared among the threads, light ones included. */
    @BeforeAll
    static void shareEveryCall() {
        ComputeThreads.setMinimumParallelWork(0);
    }

    @AfterAll
    static void restore() {
        ComputeThreads.set(0);
        ComputeThreads.setMinimumParallelWork(ComputeThreads.DEFAULT_MINIMUM_PARALLEL_WORK);
    }

    private static int vaevar(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(sink, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(sink, true, StandardCharsets.UTF_8));
            return Main.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** The files of the run on each thread count, compared with the one-thread run's. */
    private void identicalOnEveryThreadCount(String name, String... sets) throws IOException {
        assertThat(Blocks.count(N)).isGreaterThanOrEqualTo(3);
        List<String> base = new ArrayList<>(List.of("run", "l96-sakov2008", "--cycles", "3", "-q", "--set",
                "model.n=" + N, "--set", "tuning=null", "--set", "spinupCycles=1", "--set", "climatologySamples=20",
                "--set", "burnInSteps=300"));
        for (String s : sets) {
            base.add("--set");
            base.add(s);
        }
        byte[][] reference = null;
        for (int t : new int[] {1, 2, 3}) {
            Path dir = tmp.resolve(name + "-" + t);
            String[] args = Stream.concat(base.stream(), Stream.of("--out", dir.toString(), "--compute-threads",
                    String.valueOf(t))).toArray(String[]::new);
            assertThat(vaevar(args)).as("exit code, threads %d", t).isZero();
            byte[][] files = {Files.readAllBytes(dir.resolve("cycles.csv")),
                Files.readAllBytes(dir.resolve("trajectories.csv"))};
            if (reference == null) {
                reference = files;
            } else {
                assertThat(files[0]).as("%s cycles.csv, threads %d", name, t).isEqualTo(reference[0]);
                assertThat(files[1]).as("%s trajectories.csv, threads %d", name, t).isEqualTo(reference[1]);
            }
        }
    }

    @Test
    void threeDVarWithTheCirculantB() throws IOException {
        identicalOnEveryThreadCount("3dvar", "prior.covariance=circulant-climatology", "prior.inflation=0.1");
    }

    @Test
    void fourDVarOverThreeObservationTimes() throws IOException {
        identicalOnEveryThreadCount("4dvar", "prior.covariance=circulant-climatology", "prior.inflation=0.1",
                "window=3");
    }

    @Test
    void vae3dVarWithAConvPrior() throws IOException {
        Path file = ScaleBenchmark.trainSmallVae();
        identicalOnEveryThreadCount("vae", "prior={\"name\":\"vae\",\"file\":\"" + file + "\"}");
    }

    @Test
    void aNegativeThreadCountIsRefusedNamingTheOption() {
        assertThat(vaevar("run", "l63-3dvar", "--compute-threads", "-1", "--out", tmp.resolve("x").toString()))
                .isEqualTo(2);
        assertThat(tmp.resolve("x")).doesNotExist();
    }
}
