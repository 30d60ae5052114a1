package org.vaevar.assimilation.experiment;

import jakarta.inject.Inject;
import java.util.List;
import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.util.Seeds;
import org.vaevar.assimilation.config.ExperimentConfig;
import org.vaevar.assimilation.config.PluginConfig;

/**
 * One experiment as a config describes it: in its {@link TwinSetting}, tune the prior's scalar on the tuning seed
 * (if the config asks), then evaluate the tuned prior on the evaluation seed.
 */
public final class CycledExperiment {

    private final TwinSetting setting;

    @Inject
    public CycledExperiment(TwinSetting setting) {
        this.setting = setting;
        ExperimentConfig config = setting.config();
        setting.validatePrior("prior", config.prior());
        if (config.tuning() != null) {
            setting.validatePrior("tuning.parameter",
                    config.prior().with(config.tuning().parameter(), config.tuning().grid().get(0)));
        }
    }

    public ExperimentConfig config() {
        return setting.config();
    }

    public TwinSetting setting() {
        return setting;
    }

    public ExperimentResult run() {
        long start = System.nanoTime();
        ExperimentConfig config = setting.config();
        PluginConfig priorConfig = config.prior();
        List<ExperimentResult.TuningPoint> tuning = List.of();
        if (config.tuning() != null) {
            TwinSetting.Tuned tuned = setting.tune(priorConfig, config.tuning(), config.window());
            priorConfig = tuned.prior();
            tuning = tuned.points();
        }
        BackgroundPrior prior = setting.prior("prior", priorConfig);
        RunResult run = setting.evaluate(prior, config.window(), Seeds.derive(config.seed(), "evaluation"),
                config.cycles(), config.spinupCycles(), config.name());
        double wall = (System.nanoTime() - start) / 1e9;
        return new ExperimentResult(config, priorConfig, run, tuning, setting.calibrationIfRun(), prior.describe(),
                wall);
    }
}
