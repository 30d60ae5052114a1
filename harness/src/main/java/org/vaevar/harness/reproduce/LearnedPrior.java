package org.vaevar.harness.reproduce;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.vaevar.assimilation.config.PluginConfig;

/**
 * How a learned prior enters the comparison: its methods are named {@code <prefix>-3dvar} and
 * {@code <prefix>-4dvar}, it tunes {@code tunedParameter} over the same grid as the Gaussian's inflation, and its
 * ablations are variants of its configuration. A grid file's {@code learnedPrior} gives one
 * ({@link LearnedPriorSpec}); tests may give a stand-in.
 *
 * @param prefix         method-name prefix, e.g. {@code vae}
 * @param tunedParameter e.g. {@code latentScale} (τ, z ~ N(0, τI))
 * @param config         the prior configuration for a setting (e.g. MLP on Lorenz 63, circular convolutions on
 *                       Lorenz 96)
 * @param ablations      variants of the 3D-Var method, run on the quick settings
 */
public record LearnedPrior(String prefix, String tunedParameter, Function<SettingSpec, PluginConfig> config,
                           List<Ablation> ablations) {

    /**
     * A variant of the learned prior's configuration.
     *
     * @param label     what was changed, as the table shows it, e.g. {@code latentPenalty=false}
     * @param meaning   one line for people
     * @param overrides parameters set on top of the full configuration
     */
    public record Ablation(String label, String meaning, Map<String, Object> overrides) {
        public Ablation {
            overrides = Map.copyOf(overrides);
        }

        /** The variant of {@code full}: its parameters with the overrides applied (in a stable order). */
        public PluginConfig apply(PluginConfig full) {
            PluginConfig c = full;
            for (Map.Entry<String, Object> e : new java.util.TreeMap<>(overrides).entrySet()) {
                c = c.with(e.getKey(), e.getValue());
            }
            return c;
        }
    }

    public LearnedPrior {
        ablations = List.copyOf(ablations);
    }
}
