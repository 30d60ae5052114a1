package org.vaevar.assimilation;

import com.google.inject.Guice;
import com.google.inject.Injector;
import org.vaevar.api.plugin.PluginRegistry;
import org.vaevar.assimilation.config.ExperimentConfig;
import org.vaevar.assimilation.experiment.CycledExperiment;
import org.vaevar.assimilation.experiment.ExperimentResult;
import org.vaevar.assimilation.config.RunOptions;
import org.vaevar.assimilation.experiment.TwinSetting;
import org.vaevar.assimilation.inject.ExperimentModule;
import org.vaevar.assimilation.inject.PluginModule;

/**
 * The entry point for composing experiments in Java:
 *
 * <pre>{@code
 * ExperimentConfig config = Presets.load("l96-3dvar").withSeed(7);
 * ExperimentResult result = Vaevar.run(config);
 * double rmse = result.run().meanRmseAnalysis();
 * }</pre>
 */
public final class Vaevar {

    private Vaevar() {
    }

    /** An injector over every plugin on the classpath, wired for {@code config}. */
    public static Injector injector(ExperimentConfig config, RunOptions options) {
        return Guice.createInjector(new PluginModule(PluginRegistry.discover(Vaevar.class.getClassLoader())),
                new ExperimentModule(config, options));
    }

    /** The setting of {@code config}, for running several methods on identical data (see {@link TwinSetting}). */
    public static TwinSetting setting(ExperimentConfig config, RunOptions options) {
        return injector(config, options).getInstance(TwinSetting.class);
    }

    public static CycledExperiment experiment(ExperimentConfig config, RunOptions options) {
        return injector(config, options).getInstance(CycledExperiment.class);
    }

    public static ExperimentResult run(ExperimentConfig config, RunOptions options) {
        return experiment(config, options).run();
    }

    public static ExperimentResult run(ExperimentConfig config) {
        return run(config, RunOptions.defaults());
    }
}
