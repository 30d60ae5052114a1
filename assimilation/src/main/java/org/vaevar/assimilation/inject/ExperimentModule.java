package org.vaevar.assimilation.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import org.vaevar.api.DiagonalObservationError;
import org.vaevar.api.DynamicalModel;
import org.vaevar.api.Minimizer;
import org.vaevar.api.ObservationError;
import org.vaevar.api.ObservationOperator;
import org.vaevar.assimilation.config.ExperimentConfig;
import org.vaevar.assimilation.config.RunOptions;

/**
 * Wires one experiment: the config's plugin sections become the forecast and truth models, the observation
 * operator and error, and the minimizer. Override any binding with {@code Modules.override} to run a component
 * that is not a registered plugin (a hand-made minimizer in a notebook, say).
 */
public final class ExperimentModule extends AbstractModule {

    private final ExperimentConfig config;
    private final RunOptions options;

    public ExperimentModule(ExperimentConfig config, RunOptions options) {
        this.config = config;
        this.options = options;
    }

    @Override
    protected void configure() {
        bind(ExperimentConfig.class).toInstance(config);
        bind(RunOptions.class).toInstance(options);
    }

    @Provides
    @Singleton
    @Forecast
    DynamicalModel forecastModel(Plugins plugins) {
        return plugins.model("model", config.model());
    }

    @Provides
    @Singleton
    @Truth
    DynamicalModel truthModel(Plugins plugins, @Forecast DynamicalModel forecast) {
        return config.perfectModel() ? forecast : plugins.model("truthModel", config.truthModel());
    }

    @Provides
    @Singleton
    ObservationOperator operator(Plugins plugins, @Forecast DynamicalModel model) {
        return plugins.operator("observations.operator", config.observations().operator(), model.dimension());
    }

    /** R = noise² I. */
    @Provides
    @Singleton
    ObservationError observationError(ObservationOperator operator) {
        return DiagonalObservationError.ofStandardDeviation(config.observations().noise(),
                operator.observationDimension());
    }

    @Provides
    @Singleton
    Minimizer minimizer(Plugins plugins) {
        return plugins.minimizer("minimizer", config.minimizer());
    }
}
