package org.vaevar.assimilation.experiment;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.vaevar.api.method.AssimilationMethod;
import org.vaevar.api.util.Seeds;
import org.vaevar.assimilation.config.ExperimentConfig;
import org.vaevar.assimilation.config.PluginConfig;
import org.vaevar.assimilation.method.VariationalMethod;

/**
 * One experiment as a config describes it: in its {@link TwinSetting}, tune the prior's or the method's scalar on
 * the tuning seed (if the config asks), then evaluate the tuned method on the evaluation seed.
 */
public final class CycledExperiment {

    private final TwinSetting setting;

    @Inject
    public CycledExperiment(TwinSetting setting) {
        this.setting = setting;
        ExperimentConfig config = setting.config();
        PluginConfig method = config.methodOrDefault();
        setting.validateMethod("method", method);
        boolean usesPrior = setting.methodProvider("method", method).usesPrior();
        if (usesPrior) {
            setting.validatePrior("prior", config.prior());
        }
        if (config.tuning() != null) {
            TuningTarget target = setting.tuningTarget(config.tuning(), method, config.prior());
            double first = config.tuning().grid().get(0);
            if (target.tunesMethod()) {
                setting.validateMethod("tuning.parameter", method.with(target.parameter(), first));
            } else {
                setting.validatePrior("tuning.parameter", config.prior().with(target.parameter(), first));
            }
        }
    }

    public ExperimentConfig config() {
        return setting.config();
    }

    public TwinSetting setting() {
        return setting;
    }

    public ExperimentResult run() {
        return run(new CycleObserver[0]);
    }

    /** Runs the experiment; {@code observers} watch the evaluation run (not tuning or calibration). */
    public ExperimentResult run(CycleObserver... observers) {
        long start = System.nanoTime();
        ExperimentConfig config = setting.config();
        PluginConfig priorConfig = config.prior();
        PluginConfig methodConfig = config.methodOrDefault();
        List<ExperimentResult.TuningPoint> tuning = List.of();
        TuningTarget target = null;
        List<SelfConsistentRounds.Round> rounds = List.of();
        double roundsInitial = Double.NaN;
        if (config.tuning() != null) {
            // Exactly the tuning without calibration.rounds; with them, the prior refined on its own errors.
            SelfConsistentRounds.Result refined = setting.refine(methodConfig, priorConfig, config.tuning(),
                    config.window());
            TwinSetting.Tuned tuned = refined.tuned();
            rounds = refined.rounds();
            roundsInitial = rounds.isEmpty() ? Double.NaN : refined.initialRmse();
            priorConfig = tuned.prior();
            methodConfig = tuned.method();
            tuning = tuned.points();
            target = tuned.target();
        }
        AssimilationMethod method = setting.method("method", methodConfig, priorConfig, config.window());
        RunResult run = setting.evaluate(method, Seeds.derive(config.seed(), "evaluation"), config.cycles(),
                config.spinupCycles(), config.name(), observers);
        double wall = (System.nanoTime() - start) / 1e9;
        Map<String, Object> priorDescription = method instanceof VariationalMethod v ? v.prior().describe() : null;
        return new ExperimentResult(config, method instanceof VariationalMethod ? priorConfig : null, methodConfig,
                run, target, tuning, setting.calibrationIfRun(), priorDescription, method.describe(), wall,
                rounds, roundsInitial);
    }
}
