package org.vaevar.assimilation.method;

import java.util.List;
import java.util.function.Supplier;
import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.ControlTransform;
import org.vaevar.api.DifferentiableFunction;
import org.vaevar.api.DynamicalModel;
import org.vaevar.api.Minimizer;
import org.vaevar.api.ObservationError;
import org.vaevar.api.ObservationOperator;
import org.vaevar.api.StoppingCriteria;
import org.vaevar.api.plugin.MethodContext;
import org.vaevar.assimilation.cost.ObservationWindow;
import org.vaevar.assimilation.cost.StrongConstraintCost;

/** The {@link MethodContext} of an experiment: its components, with the prior built on first request. */
public final class ExperimentMethodContext implements MethodContext {

    private final DynamicalModel model;
    private final ObservationOperator operator;
    private final ObservationError error;
    private final int interval;
    private final int window;
    private final double initialSpread;
    private final Supplier<BackgroundPrior> priorFactory;
    private final Minimizer minimizer;
    private final StoppingCriteria stopping;
    private final double observationWeight;
    private BackgroundPrior prior;

    public ExperimentMethodContext(DynamicalModel model, ObservationOperator operator, ObservationError error,
                                   int interval, int window, double initialSpread,
                                   Supplier<BackgroundPrior> priorFactory, Minimizer minimizer,
                                   StoppingCriteria stopping, double observationWeight) {
        this.model = model;
        this.operator = operator;
        this.error = error;
        this.interval = interval;
        this.window = window;
        this.initialSpread = initialSpread;
        this.priorFactory = priorFactory;
        this.minimizer = minimizer;
        this.stopping = stopping;
        this.observationWeight = observationWeight;
    }

    @Override public DynamicalModel model() { return model; }

    @Override public ObservationOperator operator() { return operator; }

    @Override public ObservationError error() { return error; }

    @Override public int interval() { return interval; }

    @Override public int window() { return window; }

    @Override public double initialSpread() { return initialSpread; }

    @Override
    public synchronized BackgroundPrior prior() {
        if (prior == null) {
            prior = priorFactory.get();
        }
        return prior;
    }

    @Override public Minimizer minimizer() { return minimizer; }

    @Override public StoppingCriteria stopping() { return stopping; }

    @Override public double observationWeight() { return observationWeight; }

    @Override
    public DifferentiableFunction variationalCost(ControlTransform transform, List<double[]> observations) {
        return new StrongConstraintCost(transform, model, new ObservationWindow(operator, error, observations,
                interval), observationWeight);
    }
}
