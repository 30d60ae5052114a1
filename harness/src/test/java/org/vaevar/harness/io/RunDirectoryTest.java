package org.vaevar.harness.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void filesAppearUnderTheFinalNameOnlyAtCommit() throws IOException {
        Path target = dir.resolve("l96-3dvar");
        try (RunDirectory run = RunDirectory.create(target, false)) {
            Path summary = run.resolve("summary.json");
            AtomicFiles.writeString(summary, "{}");
            AtomicFiles.writeString(run.resolve("plots/rmse.png"), "png");
            assertThat(target).doesNotExist();
            assertThat(run.path().getFileName().toString())
                    .isEqualTo("l96-3dvar.partial-" + ProcessHandle.current().pid());
            assertThat(run.commit()).isEqualTo(target.toAbsolutePath());
            assertThat(run.state()).isEqualTo(RunDirectory.State.COMMITTED);
        }
        assertThat(Files.readString(target.resolve("summary.json"))).isEqualTo("{}");
        assertThat(target.resolve("plots/rmse.png")).exists();
        assertThat(AtomicFilesTest.listNames(dir)).containsExactly("l96-3dvar");
    }

    @Test
    void anExceptionMidRunLeavesNoFinalDirectoryOnlyAPartialOneWithTheReason() throws IOException {
        Path target = dir.resolve("run");
        Path[] staging = new Path[1];
        assertThatThrownBy(() -> {
            try (RunDirectory run = RunDirectory.create(target, false)) {
                staging[0] = run.path();
                AtomicFiles.writeString(run.resolve("cycles.csv"), "cycle,rmse\n1,0.5\n");
                throw new IllegalStateException("model state blew up at cycle 2");
            }
        }).isInstanceOf(IllegalStateException.class);
        assertThat(target).doesNotExist();
        assertThat(staging[0]).isDirectory();
        assertThat(staging[0].getFileName().toString()).contains(".partial-");
        assertThat(staging[0].resolve(RunDirectory.FAILURE_FILE)).exists();
        assertThat(staging[0].resolve("cycles.csv")).exists();
    }

    @Test
    void abandonWithCauseRecordsTheStackTrace() throws IOException {
        RunDirectory run = RunDirectory.create(dir.resolve("run"), false);
        Path left = run.abandon(new IllegalArgumentException("obs[3] = NaN: must be finite"));
        assertThat(Files.readString(left.resolve(RunDirectory.FAILURE_FILE))).contains("obs[3] = NaN: must be finite");
        assertThat(run.state()).isEqualTo(RunDirectory.State.ABANDONED);
        assertThatThrownBy(run::commit).isInstanceOf(IllegalStateException.class).hasMessageContaining("abandoned");
        assertThat(dir.resolve("run")).doesNotExist();
    }

    /** A complete run at {@code target} holding {@code file} with {@code content}. */
    private static Path completeRun(Path target, String file, String content) throws IOException {
        try (RunDirectory run = RunDirectory.create(target, false)) {
            AtomicFiles.writeString(run.resolve(file), content);
            return run.commit();
        }
    }

    @Test
    void refusesAnExistingCompleteRunUpFrontNamingTheFlag() throws IOException {
        Path target = completeRun(dir.resolve("done"), "summary.json", "old");
        assertThatThrownBy(() -> RunDirectory.create(target, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already holds a complete vaevar run")
                .hasMessageContaining("--overwrite");
        assertThat(Files.readString(target.resolve("summary.json"))).isEqualTo("old");
        assertThat(AtomicFilesTest.listNames(dir)).containsExactly("done");
    }

    @Test
    void aCommittedRunCarriesTheMarkerItsPartialDirectoryDoesNot() throws IOException {
        Path target = dir.resolve("r");
        try (RunDirectory run = RunDirectory.create(target, false)) {
            assertThat(run.path().resolve(RunDirectory.MARKER)).doesNotExist();
            run.commit();
        }
        assertThat(RunDirectory.isCompleteRun(target)).isTrue();
        assertThat(Files.readString(target.resolve(RunDirectory.MARKER))).contains("kind: run", "name: r");
    }

    @Test
    void overwriteReplacesTheOldRunWhollyAndLeavesNoAside() throws IOException {
        Path target = completeRun(dir.resolve("done"), "old-only.txt", "old");
        try (RunDirectory run = RunDirectory.create(target, true)) {
            AtomicFiles.writeString(run.resolve("summary.json"), "new");
            run.commit();
        }
        assertThat(AtomicFilesTest.listNames(target)).containsExactly(RunDirectory.MARKER, "summary.json");
        assertThat(AtomicFilesTest.listNames(dir)).containsExactly("done");
    }

    @Test
    void overwriteNeverDeletesADirectoryThatIsNotARun() throws IOException {
        Path mine = Files.createDirectory(dir.resolve("thesis"));
        Files.writeString(mine.resolve("chapter1.tex"), "precious");
        for (boolean overwrite : new boolean[] {false, true}) {
            assertThatThrownBy(() -> RunDirectory.create(mine, overwrite)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(mine.toString()).hasMessageContaining("is not a vaevar run directory")
                    .hasMessageNotContaining("holds a complete run");
        }
        assertThat(Files.readString(mine.resolve("chapter1.tex"))).isEqualTo("precious");
        assertThat(AtomicFilesTest.listNames(dir)).containsExactly("thesis");
    }

    @Test
    void overwriteAtCommitRefusesADirectoryThatReplacedTheRunMeanwhile() throws IOException {
        Path target = completeRun(dir.resolve("done"), "summary.json", "old");
        RunDirectory run = RunDirectory.create(target, true);
        RunDirectory.deleteRecursively(target);
        Files.createDirectory(target);
        Files.writeString(target.resolve("notes.txt"), "mine");
        assertThatThrownBy(run::commit).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(target.resolve("notes.txt"))).isEqualTo("mine");
        run.close();
    }

    @Test
    void refusesTheRootTheEmptyPathTheCurrentAndHomeDirectoriesAndTheirParents() throws IOException {
        Path cwd = Path.of("").toAbsolutePath();
        Path home = Path.of(System.getProperty("user.home"));
        for (Path p : new Path[] {Path.of(""), Path.of("."), Path.of("/"), cwd, cwd.getParent(), home, Path.of("..")}) {
            for (boolean overwrite : new boolean[] {false, true}) {
                assertThatThrownBy(() -> RunDirectory.create(p, overwrite)).as("%s", p)
                        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--out ");
            }
        }
    }

    @Test
    void anEmptyDirectoryIsUsedAsIfAbsent() throws IOException {
        Path target = Files.createDirectory(dir.resolve("empty"));
        try (RunDirectory run = RunDirectory.create(target, false)) {
            AtomicFiles.writeString(run.resolve("summary.json"), "new");
            run.commit();
        }
        assertThat(RunDirectory.isCompleteRun(target)).isTrue();
    }

    @Test
    void refusesAPathUnderAFile() throws IOException {
        Path f = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> RunDirectory.create(f.resolve("run"), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is a file, not a directory");
        assertThat(Files.readString(f)).isEqualTo("x");
    }

    @Test
    void abandonWithConfigRecordsMessageExitCodeAndConfig() throws IOException {
        RunDirectory run = RunDirectory.create(dir.resolve("run"), false);
        Path left = run.abandon(new IllegalArgumentException("model: lorenz96.n = 3: must be at least 4"),
                "{\"name\": \"x\"}");
        assertThat(Files.readString(left.resolve(RunDirectory.FAILURE_FILE)))
                .contains("vaevar: error: model: lorenz96.n = 3: must be at least 4", "exit code: 2", "\"name\": \"x\"");
        assertThat(left.getFileName().toString()).contains(".partial-");
    }

    @Test
    void aRunThatAppearedMeanwhileIsNotOverwrittenAndThisRunStaysPartial() throws IOException {
        Path target = dir.resolve("race");
        RunDirectory run = RunDirectory.create(target, false);
        AtomicFiles.writeString(run.resolve("summary.json"), "mine");
        Files.createDirectory(target);
        Files.writeString(target.resolve("summary.json"), "theirs");
        assertThatThrownBy(run::commit).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(target.resolve("summary.json"))).isEqualTo("theirs");
        run.close();
        assertThat(run.stagingPath().resolve("summary.json")).exists();
    }

    @Test
    void twoOpenRunsForOneTargetGetDistinctStagingDirectories() throws IOException {
        Path target = dir.resolve("t");
        try (RunDirectory a = RunDirectory.create(target, false);
             RunDirectory b = RunDirectory.create(target, false)) {
            assertThat(a.path()).isNotEqualTo(b.path());
            assertThat(b.path().getFileName().toString()).endsWith("-2");
        }
    }

    @Test
    void resolveKeepsFilesInsideTheRun() throws IOException {
        try (RunDirectory run = RunDirectory.create(dir.resolve("r"), false)) {
            assertThatThrownBy(() -> run.resolve("../escape.txt")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("../escape.txt");
            assertThatThrownBy(() -> run.resolve("/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> run.resolve(".")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void refusesAFileAtTheTargetName() throws IOException {
        Path f = Files.writeString(dir.resolve("file"), "x");
        for (boolean overwrite : new boolean[] {false, true}) {
            assertThatThrownBy(() -> RunDirectory.create(f, overwrite)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is a file, not a run directory").hasMessageContaining(f.toString());
        }
        assertThat(Files.readString(f)).isEqualTo("x");
    }
}
