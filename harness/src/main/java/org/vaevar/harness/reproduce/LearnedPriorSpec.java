package org.vaevar.harness.reproduce;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vaevar.api.plugin.Parameter;
import org.vaevar.api.plugin.ParameterSpec;
import org.vaevar.assimilation.config.PluginConfig;

/**
 * The learned prior of a comparison grid as its file gives it: the plugin, its tuned scalar, its configuration per
 * system, the training overrides per mode and system, and its ablations.
 *
 * @param plugin         the prior plugin; also the prefix of its methods ({@code vae-3dvar})
 * @param tunedParameter e.g. {@code latentScale}
 * @param config         per system, the plugin's parameters
 * @param training       per mode and system, parameters set on top of {@code config} where the plugin declares them
 * @param ablations      variants of its 3D-Var
 */
record LearnedPriorSpec(String plugin, String tunedParameter, Map<String, Map<String, Object>> config,
                        Map<Mode, Map<String, Map<String, Object>>> training, List<LearnedPrior.Ablation> ablations) {

    LearnedPriorSpec {
        config = Map.copyOf(config);
        training = Map.copyOf(training);
        ablations = List.copyOf(ablations);
    }

    /**
     * The learned prior of a mode. A training override the plugin does not declare is left out, so the same grid
     * runs with a plugin version that lacks it.
     *
     * @param spec the plugin's parameters
     */
    LearnedPrior forMode(Mode mode, ParameterSpec spec) {
        Set<String> declared = new HashSet<>();
        for (Parameter<?> p : spec.parameters()) {
            declared.add(p.name());
        }
        Map<String, Map<String, Object>> overrides = training.getOrDefault(mode, Map.of());
        return new LearnedPrior(plugin, tunedParameter, s -> {
            PluginConfig c = new PluginConfig(plugin, config.get(s.system()));
            for (Map.Entry<String, Object> e : overrides.getOrDefault(s.system(), Map.of()).entrySet()) {
                if (declared.contains(e.getKey())) {
                    c = c.with(e.getKey(), e.getValue());
                }
            }
            return c;
        }, ablations);
    }
}
