package org.vaevar.harness.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vaevar.api.plugin.PluginKind;
import org.vaevar.api.plugin.PluginRegistry;
import org.vaevar.assimilation.config.ConfigException;
import org.vaevar.assimilation.config.SampleSource;

/**
 * A comparison grid, as its file ({@code experiments/sweeps/paper.json} for {@code vaevar reproduce}) gives it, read
 * by {@link GridFile}: the settings of each mode, its schedule and ablation settings, and how a setting's methods are
 * made — the Gaussian candidates, the learned prior and the ensemble reference.
 *
 * @param source        the file, for messages
 * @param name          the grid's name
 * @param settings      every setting of the file's settings and imperfect settings, in file order
 * @param modes         the modes the file defines
 * @param figureSetting the setting of the error-shape and trajectory figures (the first when not in a plan)
 * @param gaussian      the baseline's candidates
 * @param learned       the learned prior, or {@code null} when the file has none
 * @param ensemble      the ensemble reference per system
 */
public record ComparisonGrid(String source, String name, List<SettingSpec> settings, Map<Mode, ModeGrid> modes,
                             String figureSetting, GaussianCandidates gaussian, LearnedPriorSpec learned,
                             EnsembleReference ensemble) {

    /**
     * What one mode runs.
     *
     * @param settings         in table order
     * @param ablationSettings ids of the settings whose learned prior also runs its ablations
     * @param schedule         cycles, tuning and calibration
     */
    public record ModeGrid(List<SettingSpec> settings, Set<String> ablationSettings, Schedule schedule) {
        public ModeGrid {
            settings = List.copyOf(settings);
            ablationSettings = Set.copyOf(ablationSettings);
        }
    }

    public ComparisonGrid {
        settings = List.copyOf(settings);
        modes = Map.copyOf(modes);
    }

    /** What {@code mode} runs; refused when the file defines no such mode. */
    public ModeGrid mode(Mode mode) {
        ModeGrid m = modes.get(mode);
        if (m == null) {
            throw new ConfigException(source + ": modes." + mode.id() + ": missing: this grid has no " + mode.id()
                    + " mode");
        }
        return m;
    }

    public List<SettingSpec> settings(Mode mode) {
        return mode(mode).settings();
    }

    public Schedule schedule(Mode mode) {
        return mode(mode).schedule();
    }

    public Set<String> ablationSettings(Mode mode) {
        return mode(mode).ablationSettings();
    }

    /** The learned prior of a mode, or {@code null} when the file has none or its plugin is not in the registry. */
    public LearnedPrior learnedPrior(Mode mode, PluginRegistry registry) {
        if (learned == null || !registry.names(PluginKind.PRIOR).contains(learned.plugin())) {
            return null;
        }
        return learned.forMode(mode, registry.lookup(PluginKind.PRIOR, learned.plugin()).parameters());
    }

    /** Why {@link #learnedPrior} is {@code null} (for the report). */
    public String learnedAbsent(PluginRegistry registry) {
        if (learned == null) {
            return "the grid " + source + " has no learnedPrior";
        }
        return "the " + learned.plugin() + " prior plugin is not on the classpath (known priors: "
                + String.join(", ", registry.names(PluginKind.PRIOR)) + ")";
    }

    /**
     * The methods of a setting: 3D-Var and 4D-Var (K = 3) with the Gaussian prior, choosing on the tuning seed among
     * its candidates; then (if {@code learned} is given) the learned prior's 3D-Var and 4D-Var, each measured against
     * the Gaussian method of its window; then the ensemble reference.
     */
    public List<MethodSpec> methods(SettingSpec s, LearnedPrior learned) {
        return methods(s, learned, CalibrationSources.single(SampleSource.THREE_D_VAR.key()));
    }

    /**
     * As {@link #methods(SettingSpec, LearnedPrior)}, every candidate that learns from samples once per source of
     * {@code sources} (the climatological B and the ensemble reference once).
     */
    public List<MethodSpec> methods(SettingSpec s, LearnedPrior learned, CalibrationSources sources) {
        List<MethodSpec.Candidate> g = gaussian.of(s, sources);
        String tuned = gaussian.tunedParameter();
        List<MethodSpec> m = new ArrayList<>();
        m.add(new MethodSpec("3dvar", MethodSpec.Family.GAUSSIAN, 1, g, tuned, null, null, null));
        m.add(new MethodSpec("4dvar", MethodSpec.Family.GAUSSIAN, 3, g, tuned, null, null, null));
        if (learned != null) {
            List<MethodSpec.Candidate> c = MethodSpec.Candidate.perSource(learned.prefix(),
                    learned.config().apply(s), 1.0, sources);
            m.add(new MethodSpec(learned.prefix() + "-3dvar", MethodSpec.Family.LEARNED, 1, c,
                    learned.tunedParameter(), "3dvar", null, null));
            m.add(new MethodSpec(learned.prefix() + "-4dvar", MethodSpec.Family.LEARNED, 3, c,
                    learned.tunedParameter(), "4dvar", null, null));
        }
        m.add(ensemble.of(s));
        return List.copyOf(m);
    }

    /** The learned prior's 3D-Var with each ablation applied to its full configuration (empty without one). */
    public static List<MethodSpec> ablations(SettingSpec s, LearnedPrior learned) {
        return ablations(s, learned, CalibrationSources.single(SampleSource.THREE_D_VAR.key()));
    }

    /** As {@link #ablations(SettingSpec, LearnedPrior)}, each variant once per sample source, as its full method. */
    public static List<MethodSpec> ablations(SettingSpec s, LearnedPrior learned, CalibrationSources sources) {
        if (learned == null) {
            return List.of();
        }
        var full = learned.config().apply(s);
        List<MethodSpec> m = new ArrayList<>();
        for (LearnedPrior.Ablation a : learned.ablations()) {
            m.add(new MethodSpec(learned.prefix() + "-3dvar", MethodSpec.Family.LEARNED, 1,
                    MethodSpec.Candidate.perSource(learned.prefix() + " " + a.label(), a.apply(full), 1.0, sources),
                    learned.tunedParameter(), "3dvar", a.label(), learned.prefix() + "-3dvar"));
        }
        return List.copyOf(m);
    }
}
