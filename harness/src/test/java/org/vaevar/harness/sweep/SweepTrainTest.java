package org.vaevar.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaevar.api.util.ProgressListener;
import org.vaevar.harness.io.RunDirectory;

class SweepTrainTest {

    /** Two noise levels × a small VAE-3D-Var, its latent scale tuned on two values, two seeds. */
    static final String VAE = """
            {"name": "tiny-vae", "base": "l63-vae3dvar",
             "set": {"cycles": 30, "spinupCycles": 5, "climatologySamples": 200, "burnInSteps": 500,
                     "calibration": {"runs": 1, "cycles": 60, "spinupCycles": 10},
                     "prior": {"name": "vae", "architecture": "mlp", "conditional": true, "width": 8,
                               "epochs": 5, "patience": 2},
                     "tuning": {"grid": [0.5, 2.0], "cycles": 12, "spinupCycles": 2}},
             "axes": {"observations.noise": [1.0, 2.0]},
             "methods": [{"name": "vae", "set": {"window": 1}}],
             "baseline": "vae", "seeds": 2, "masterSeed": 5}
            """;

    @TempDir
    Path tmp;

    @Test
    void learnedPriorTrainsOncePerPointAndMethodAndTravelsAsBytes() throws IOException {
        SweepPlan plan = SweepResumeTest.plan(tmp, VAE);
        List<SweepTask> tasks = Tasks.of(plan);
        assertThat(tasks).filteredOn(t -> t.kind() == SweepTask.Kind.TRAIN).extracting(SweepTask::id)
                .containsExactly("p000-vae-train", "p001-vae-train");
        assertThat(tasks).hasSize(2 * (1 + 1 + 1 + 2));

        SweepResumeTest.run(plan, tmp.resolve("shared"), 2);
        FreshCaches fresh = new FreshCaches(tmp);
        Sweep.run(plan, fresh, tmp.resolve("fresh"), false, false,
                new SweepProgress(ProgressListener.SILENT, null), "test");
        assertThat(fresh.kinds).filteredOn("train"::equals).hasSize(2);
        // every task had an empty cache of its own: only a training task may have written a trained prior to it
        for (SweepTask t : tasks) {
            assertThat(entries(fresh.cache(t.id()))).as(t.id() + " cache entries")
                    .isEqualTo(t.kind() == SweepTask.Kind.TRAIN ? 1 : 0);
        }
        SweepResumeTest.assertSameTables(tmp.resolve("shared"), tmp.resolve("fresh"));
        TaskResult trained = TaskResult.parse(Files.readString(tmp.resolve("fresh/tasks/p000-vae-train.json")));
        assertThat(trained.map("model").get("bytes")).isInstanceOf(String.class);
        assertThat(Files.readString(tmp.resolve("fresh/plan.json"))).contains("\"kind\" : \"train\"",
                (String) trained.map("model").get("sha256")).doesNotContain((String) trained.map("model").get("bytes"));
        TaskResult tuned = TaskResult.parse(Files.readString(tmp.resolve("fresh/tasks/p000-vae-tune.json")));
        assertThat(tuned.map("prior")).as("the tuned section, without this JVM's model file")
                .doesNotContainKey("file").containsKey("latentScale");

        // a lost training result retrains to the same bytes (the model file holds no training time), so its
        // SHA-256 is the same and the tasks that used it keep their results
        Path partial = tmp.resolve("again.partial-1");
        SweepResumeTest.copyTree(tmp.resolve("fresh"), partial);
        Files.delete(partial.resolve(RunDirectory.MARKER));
        Files.delete(partial.resolve(TaskStore.DIRECTORY).resolve("p001-vae-train.json"));
        FreshCaches resumed = new FreshCaches(tmp.resolve("r"));
        Sweep.run(plan, resumed, tmp.resolve("again"), false, true,
                new SweepProgress(ProgressListener.SILENT, null), "test");
        assertThat(resumed.kinds).containsExactly("train");
        assertThat(TaskResult.parse(Files.readString(tmp.resolve("again/tasks/p001-vae-train.json"))).map("model")
                .get("sha256")).isEqualTo(TaskResult.parse(Files.readString(
                        tmp.resolve("fresh/tasks/p001-vae-train.json"))).map("model").get("sha256"));
        SweepResumeTest.assertSameTables(tmp.resolve("shared"), tmp.resolve("again"));
    }

    private static long entries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    /** One thread; each task runs as on a fresh executor with an empty cache directory of its own. */
    private static final class FreshCaches implements SweepEngine {
        final List<String> kinds = new ArrayList<>();
        private final Path root;

        FreshCaches(Path root) {
            this.root = root;
        }

        Path cache(String id) {
            return root.resolve("cache-" + id);
        }

        @Override
        public String description() {
            return "fresh caches";
        }

        @Override
        public int parallelism() {
            return 1;
        }

        @Override
        public synchronized CompletableFuture<String> submit(String id, String input, Runnable started) {
            kinds.add((String) Values.parseObject(input).get("kind"));
            TaskRunner.forgetSettings();
            try (LocalEngine local = new LocalEngine(new EngineOptions(1, null, cache(id).toString()))) {
                return CompletableFuture.completedFuture(local.submit(id, input, started).join());
            }
        }

        @Override
        public void close() {
        }
    }
}
