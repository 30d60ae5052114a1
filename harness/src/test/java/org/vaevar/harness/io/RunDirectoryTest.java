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

    @Test
    void refusesAnExistingCompleteRunUpFront() throws IOException {
        Path target = Files.createDirectory(dir.resolve("done"));
        Files.writeString(target.resolve("summary.json"), "old");
        assertThatThrownBy(() -> RunDirectory.create(target, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already holds a complete run");
        assertThat(Files.readString(target.resolve("summary.json"))).isEqualTo("old");
        assertThat(AtomicFilesTest.listNames(dir)).containsExactly("done");
    }

    @Test
    void overwriteReplacesTheOldRunWhollyAndLeavesNoAside() throws IOException {
        Path target = Files.createDirectory(dir.resolve("done"));
        Files.writeString(target.resolve("old-only.txt"), "old");
        try (RunDirectory run = RunDirectory.create(target, true)) {
            AtomicFiles.writeString(run.resolve("summary.json"), "new");
            run.commit();
        }
        assertThat(AtomicFilesTest.listNames(target)).containsExactly("summary.json");
        assertThat(AtomicFilesTest.listNames(dir)).containsExactly("done");
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
        assertThatThrownBy(() -> RunDirectory.create(f, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a directory");
    }
}
