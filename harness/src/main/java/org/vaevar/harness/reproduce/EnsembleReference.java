package org.vaevar.harness.reproduce;

import java.util.List;
import java.util.Map;
import org.vaevar.assimilation.config.PluginConfig;

/**
 * The ensemble filter shown beside the variational methods of a setting, per system: a reference compared with
 * neither, its {@code tunedParameter} tuned by a grid search over the schedule's ensemble grid.
 *
 * @param tunedParameter the method's tuned scalar ({@code inflation})
 * @param systems        per system, the method section and its label
 */
record EnsembleReference(String tunedParameter, Map<String, Filter> systems) {

    /** One system's filter: its label as the table shows it and its method section. */
    record Filter(String label, PluginConfig method) {
    }

    EnsembleReference {
        systems = Map.copyOf(systems);
    }

    /** The reference of a setting, named after its method plugin ({@code etkf}, {@code letkf}). */
    MethodSpec of(SettingSpec s) {
        Filter f = systems.get(s.system());
        return new MethodSpec(f.method().name(), MethodSpec.Family.ENSEMBLE, 1,
                List.of(new MethodSpec.Candidate(f.label(), f.method())), tunedParameter, null, null, null);
    }
}
