package org.vaevar.priors.vae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.plugin.InvalidParameterException;
import org.vaevar.api.plugin.ParameterSpec;
import org.vaevar.api.plugin.PluginKind;
import org.vaevar.api.plugin.PluginRegistry;
import org.vaevar.priors.vae.io.VaeModelFile;
import org.vaevar.priors.vae.io.VaeModelFileException;

/** The provider: training through the context, the cache, loading files, and refusals. Tiny, short trainings. */
class VaePriorProviderTest {

    private static final Map<String, Object> SETUP = Map.of("model", "synthetic", "n", 3);

    @TempDir
    Path cache;

    private static final PluginRegistry PLUGINS = PluginRegistry.discover();

    private FakePriorContext context() {
        return new FakePriorContext(SyntheticSamples.skewed(120, 3, 4), 99, SETUP, cache);
    }

    private static Map<String, Object> tiny(Object... more) {
        Map<String, Object> m = new HashMap<>(Map.of("width", 8, "depth", 1, "epochs", 3, "batchSize", 32));
        for (int i = 0; i < more.length; i += 2) {
            m.put((String) more[i], more[i + 1]);
        }
        return m;
    }

    private VaePrior create(Map<String, Object> raw, FakePriorContext ctx) {
        BackgroundPrior p = PLUGINS.prior("vae", raw, ctx);
        assertThat(p).isInstanceOf(VaePrior.class);
        return (VaePrior) p;
    }

    @Test
    void trainsOnTheContextSamplesThenReusesTheCachedFile() throws IOException {
        FakePriorContext first = context();
        VaePrior trained = create(tiny(), first);
        assertThat(trained.describe()).containsEntry("source", "trained");
        assertThat(first.updates()).hasSize(3).allMatch(u -> u.task().equals("train vae") && u.total() == 3);
        assertThat(trained.model().training().seed()).isEqualTo(99);
        assertThat(trained.model().setup()).isEqualTo(SETUP);
        List<Path> files;
        try (Stream<Path> s = Files.list(cache)) {
            files = s.toList();
        }
        assertThat(files).hasSize(1);
        assertThat(files.get(0).getFileName().toString()).matches("vae-[0-9a-f]{24}\\.vaeprior");

        FakePriorContext second = context();
        VaePrior cached = create(tiny(), second);
        assertThat(cached.describe()).containsEntry("source", "cache").containsEntry("file", files.get(0).toString());
        assertThat(second.updates()).as("no training the second time").isEmpty();
        double[] xb = {0.1, 0.2, 0.3};
        double[] z = {0.5, -0.5, 1};
        assertThat(cached.at(xb).apply(z)).containsExactly(trained.at(xb).apply(z));

        // Another training setting is another cache entry.
        create(tiny("sigmaD", 0.3), context());
        try (Stream<Path> s = Files.list(cache)) {
            assertThat(s.count()).isEqualTo(2);
        }
    }

    @Test
    void aValidEntryOfOtherSettingsCopiedIntoASlotIsRetrainedWithANotice() throws IOException {
        create(tiny(), context());
        Path mine;
        try (Stream<Path> s = Files.list(cache)) {
            mine = s.findFirst().orElseThrow();
        }
        create(tiny("sigmaD", 0.3), context());
        Path other;
        try (Stream<Path> s = Files.list(cache)) {
            other = s.filter(p -> !p.equals(mine)).findFirst().orElseThrow();
        }
        Files.copy(other, mine, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        FakePriorContext ctx = context();
        VaePrior again = create(tiny(), ctx);
        assertThat(again.describe()).containsEntry("source", "trained").containsEntry("sigmaD", 0.25);
        assertThat(ctx.updates().get(0).status()).contains("cache entry unusable", "another key");

        // An entry that records no key (another build's, or a model file copied in) is not trusted either.
        VaeModelFile.write(VaeModelFile.read(mine), mine);
        FakePriorContext keyless = context();
        assertThat(create(tiny(), keyless).describe()).containsEntry("source", "trained");
        assertThat(keyless.updates().get(0).status()).contains("records no cache key");
        assertThat(create(tiny(), context()).describe()).containsEntry("source", "cache");
    }

    @Test
    void aPriorLoadedFromAnEntryTrainedEarlierInTheSameSettingSaysTrained() {
        FakePriorContext ctx = context();
        assertThat(create(tiny(), ctx).describe()).containsEntry("source", "trained");
        assertThat(create(tiny("latentScale", 2.0), ctx).describe()).as("tuning builds it again")
                .containsEntry("source", "trained");
        assertThat(create(tiny(), context()).describe()).containsEntry("source", "cache");
    }

    @Test
    void aDamagedCacheEntryIsRetrainedAndReplaced() throws IOException {
        create(tiny(), context());
        Path entry;
        try (Stream<Path> s = Files.list(cache)) {
            entry = s.findFirst().orElseThrow();
        }
        TrainedVae before = VaeModelFile.read(entry);
        byte[] good = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(good, good.length / 2));
        FakePriorContext ctx = context();
        VaePrior again = create(tiny(), ctx);
        assertThat(again.describe()).containsEntry("source", "trained");
        assertThat(ctx.updates().get(0).status()).contains("cache entry unusable").contains("truncated or corrupt");
        TrainedVae after = VaeModelFile.read(entry);
        for (String k : before.weights().keySet()) {
            assertThat(after.weights().get(k)).as("replaced entry, same seed: same %s", k)
                    .containsExactly(before.weights().get(k));
        }
    }

    @Test
    void loadsAFileAndRefusesOneForAnotherDimensionOrSetup() {
        Path f = cache.resolve("given.vaeprior");
        TrainedVae vae = TestVaes.random(TestVaes.mlp(3, false), 51);
        VaeModelFile.write(new TrainedVae(vae.architecture(), vae.normalisation(), vae.training(), vae.summary(),
                SETUP, vae.weights()), f);
        FakePriorContext ctx = context();
        VaePrior loaded = create(Map.of("file", f.toString(), "latentScale", 0.5), ctx);
        assertThat(loaded.describe()).containsEntry("source", "file").containsEntry("latentScale", 0.5);
        assertThat(ctx.sampleRequests()).as("a loaded prior needs no samples").isZero();

        FakePriorContext otherSetup = new FakePriorContext(SyntheticSamples.skewed(10, 3, 1), 1,
                Map.of("model", "lorenz63", "n", 3), cache);
        assertThatThrownBy(() -> create(Map.of("file", f.toString()), otherSetup))
                .isInstanceOf(VaeModelFileException.class)
                .hasMessageContaining("model: this experiment has \"lorenz63\", the file \"synthetic\"");
        FakePriorContext otherDimension = new FakePriorContext(SyntheticSamples.skewed(10, 4, 1), 1, SETUP, cache);
        assertThatThrownBy(() -> create(Map.of("file", f.toString()), otherDimension))
                .isInstanceOf(VaeModelFileException.class)
                .hasMessageContaining("trained for state dimension 3");
    }

    @Test
    void inconsistentParametersAreRefusedByName() {
        assertThatThrownBy(() -> create(tiny("architecture", "conv", "latent", 4), context()))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("vae.architecture")
                .hasMessageContaining("latent = 4");
        assertThatThrownBy(() -> create(tiny("latent", 2, "jacobianTerm", true, "cache", false), context()))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("vae.jacobianTerm");
        assertThatThrownBy(() -> PLUGINS.bind(PluginKind.PRIOR, "vae", Map.of("activation", "relu")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("vae.activation = relu");
        assertThatThrownBy(() -> PLUGINS.bind(PluginKind.PRIOR, "vae", Map.of("kernelSize", 4)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("vae.kernelSize = 4: must be odd");
    }

    @Test
    void aConvVaeTrainedOnWindowsRunsOnTheWholeGridAndIsCachedAtTheWindowSize() {
        FakePriorContext ctx = new FakePriorContext(SyntheticSamples.periodic(60, 12, 5), 7, SETUP, cache);
        Map<String, Object> raw = tiny("architecture", "conv", "channels", 4, "kernelSize", 3, "trainingWindow", 6);
        VaePrior windowed = create(raw, ctx);
        assertThat(windowed.model().stateDimension()).isEqualTo(12);
        assertThat(windowed.model().normalisation().homogeneous()).isTrue();
        TrainingSummary s = windowed.model().summary();
        assertThat(s.trainingSamples() + s.validationSamples()).as("two windows of 6 per sample of 12")
                .isEqualTo(120);

        VaePrior cached = create(raw, new FakePriorContext(SyntheticSamples.periodic(60, 12, 5), 7, SETUP, cache));
        assertThat(cached.describe()).containsEntry("source", "cache");
        double[] xb = new double[12];
        double[] z = new double[12];
        for (int i = 0; i < 12; i++) {
            xb[i] = Math.sin(i);
            z[i] = 0.1 * i - 0.5;
        }
        assertThat(cached.at(xb).apply(z)).containsExactly(windowed.at(xb).apply(z));

        Map<String, Object> more = new HashMap<>(raw);
        more.put("windowsPerSample", 3);
        VaePrior three = create(more, ctx);
        assertThat(three.model().summary().trainingSamples() + three.model().summary().validationSamples())
                .isEqualTo(180);
    }

    @Test
    void windowedTrainingIsRefusedWhereTheWeightsOrScalesDependOnTheGrid() {
        FakePriorContext ctx = new FakePriorContext(SyntheticSamples.periodic(20, 12, 5), 7, SETUP, cache);
        assertThatThrownBy(() -> create(tiny("trainingWindow", 6), ctx))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("vae.trainingWindow = 6: needs architecture = conv");
        assertThatThrownBy(() -> create(tiny("architecture", "conv", "kernelSize", 3, "trainingWindow", 6,
                "normalisation", "component"), ctx))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("vae.trainingWindow = 6: needs a pooled normalisation");
        assertThatThrownBy(() -> create(tiny("architecture", "conv", "trainingWindow", 13), ctx))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("vae.trainingWindow = 13: must not exceed the state dimension 12");
        assertThatThrownBy(() -> create(tiny("architecture", "conv", "kernelSize", 5, "trainingWindow", 4), ctx))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("at least the kernel size 5");
        // what does not depend on the state dimension is refused when the configuration is bound
        assertThatThrownBy(() -> new VaePriorProvider().parameters().bind(tiny("architecture", "conv", "kernelSize",
                5, "trainingWindow", 4))).hasMessageContaining("vae.trainingWindow = 4: must be at least the kernel size 5");
    }

    @Test
    void isFoundByNameInTheRegistry() {
        assertThat(PLUGINS.names(PluginKind.PRIOR)).contains("vae");
    }

    @Test
    void refusesParametersBoundForAnotherPlugin() {
        var other = ParameterSpec.of("other").defaults();
        assertThatThrownBy(() -> new VaePriorProvider().create(other, context()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vae parameters: bound for 'other'");
    }
}
