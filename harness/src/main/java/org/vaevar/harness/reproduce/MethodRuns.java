package org.vaevar.harness.reproduce;

import org.vaevar.api.method.AssimilationMethod;
import org.vaevar.assimilation.config.PluginConfig;
import org.vaevar.assimilation.config.TuningConfig;
import java.util.List;
import org.vaevar.assimilation.config.ExperimentConfig;
import org.vaevar.assimilation.experiment.SelfConsistentRounds;
import org.vaevar.assimilation.experiment.TwinSetting;

/**
 * How a {@link MethodSpec} runs in a {@link TwinSetting}: a variational method tunes and builds its prior (the
 * candidate's configuration is a prior section), an ensemble method tunes and builds itself from its method
 * section and uses no prior. Every other step of a reproduction treats both alike.
 */
final class MethodRuns {

    private MethodRuns() {
    }

    /** Checks a candidate's configuration (with the first grid value set) before any long work. */
    static void validate(TwinSetting twin, Schedule schedule, MethodSpec m, MethodSpec.Candidate c) {
        String section = "method " + m.key() + " (" + c.label() + ")";
        PluginConfig config = c.prior().with(m.tunedParameter(), tuning(schedule, m, c).grid().get(0));
        if (m.isEnsemble()) {
            twin.validateMethod(section, config);
        } else {
            twin.validatePrior(section, config);
        }
    }

    /** The tuning of a candidate: the ensemble grid for an ensemble method, else the (scaled) tuning grid. */
    static TuningConfig tuning(Schedule schedule, MethodSpec m, MethodSpec.Candidate c) {
        return m.isEnsemble() ? schedule.ensembleTuning(m.tunedParameter())
                : schedule.tuning(m.tunedParameter(), m.window(), c.gridScale());
    }

    /**
     * Tunes a candidate on the setting's tuning seed; returns its configuration with the chosen value set.
     *
     * @throws org.vaevar.assimilation.experiment.DivergenceException if every value diverged
     */
    static Tuned tune(TwinSetting twin, MethodSpec m, MethodSpec.Candidate c, TuningConfig tuning) {
        if (m.isEnsemble()) {
            TwinSetting.Tuned t = twin.tune(c.prior(), null, tuning, m.window());
            return new Tuned(t.method(), t);
        }
        // The tuning, then calibration.rounds self-consistent rounds (none by default: exactly the tuning).
        SelfConsistentRounds.Result r = twin.refine(PluginConfig.of(ExperimentConfig.DEFAULT_METHOD), c.prior(),
                tuning, m.window());
        return new Tuned(r.tuned().prior(), r.tuned(), r.rounds());
    }

    /**
     * A tuned candidate: its configuration with the chosen value, the tuning run's points, and the self-consistent
     * rounds that refined its prior (empty without).
     */
    record Tuned(PluginConfig config, TwinSetting.Tuned run, List<SelfConsistentRounds.Round> rounds) {

        Tuned(PluginConfig config, TwinSetting.Tuned run) {
            this(config, run, List.of());
        }
    }

    /** A fresh method of the tuned configuration (a prior or method instance need not be thread-safe). */
    static AssimilationMethod build(TwinSetting twin, MethodSpec m, PluginConfig tuned) {
        String section = "method " + m.key();
        if (m.isEnsemble()) {
            return twin.method(section, tuned, null, m.window());
        }
        return twin.variational(twin.prior(section, tuned, m.window()), m.window());
    }
}
