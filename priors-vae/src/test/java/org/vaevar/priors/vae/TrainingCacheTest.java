package org.vaevar.priors.vae;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaevar.api.plugin.BackgroundErrorSamples;
import org.vaevar.priors.vae.net.Activation;

/** The cache key names exactly what a trained prior depends on, and nothing about how a map happens to iterate. */
class TrainingCacheTest {

    private final VaeArchitecture arch = new VaeArchitecture(VaeArchitecture.Kind.MLP, 3, 3, 16, 2, 1,
            Activation.TANH, false);
    private final TrainingSettings settings = TrainingSettings.defaults(3);
    private final BackgroundErrorSamples samples = SyntheticSamples.skewed(50, 3, 1);

    private static Map<String, Object> setup(boolean reversed) {
        Map<String, Object> obs = new LinkedHashMap<>();
        Map<String, Object> model = new LinkedHashMap<>();
        if (reversed) {
            obs.put("noise", 1.0);
            obs.put("interval", 5);
            model.put("n", 40);
            model.put("name", "lorenz96");
        } else {
            obs.put("interval", 5);
            obs.put("noise", 1.0);
            model.put("name", "lorenz96");
            model.put("n", 40);
        }
        Map<String, Object> s = new LinkedHashMap<>();
        if (reversed) {
            s.put("observations", obs);
            s.put("model", model);
        } else {
            s.put("model", model);
            s.put("observations", obs);
        }
        return s;
    }

    @Test
    void theKeyDoesNotDependOnMapOrder() {
        assertThat(TrainingCache.key(arch, settings, setup(true), samples))
                .isEqualTo(TrainingCache.key(arch, settings, setup(false), samples));
    }

    @Test
    void theKeyChangesWithTheSetupTheSettingsAndTheSamples() {
        String key = TrainingCache.key(arch, settings, setup(false), samples);
        Map<String, Object> other = setup(false);
        other.put("observations", Map.of("interval", 6, "noise", 1.0));
        assertThat(TrainingCache.key(arch, settings, other, samples)).isNotEqualTo(key);
        assertThat(TrainingCache.key(arch, TrainingSettings.defaults(4), setup(false), samples)).isNotEqualTo(key);
        assertThat(TrainingCache.key(arch, settings, setup(false), SyntheticSamples.skewed(50, 3, 2)))
                .isNotEqualTo(key);
    }
}
