package org.vaevar.assimilation;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;
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
        return instance(config, options, TwinSetting.class);
    }

    public static CycledExperiment experiment(ExperimentConfig config, RunOptions options) {
        return instance(config, options, CycledExperiment.class);
    }

    /**
     * Guice wraps what a constructor throws in a {@link ProvisionException}; a caller composing in code gets our
     * own exception (a {@code ConfigException} naming the field, a {@code DivergenceException}) instead.
     */
    private static <T> T instance(ExperimentConfig config, RunOptions options, Class<T> type) {
        try {
            return injector(config, options).getInstance(type);
        } catch (ProvisionException e) {
            throw causeOf(e, e.getErrorMessages());
        } catch (CreationException e) {
            throw causeOf(e, e.getErrorMessages());
        }
    }

    private static RuntimeException causeOf(RuntimeException wrapper, java.util.Collection<Message> messages) {
        Throwable cause = messages.isEmpty() ? wrapper.getCause() : messages.iterator().next().getCause();
        return cause instanceof RuntimeException r ? r : wrapper;
    }

    public static ExperimentResult run(ExperimentConfig config, RunOptions options) {
        return experiment(config, options).run();
    }

    public static ExperimentResult run(ExperimentConfig config) {
        return run(config, RunOptions.defaults());
    }
}
