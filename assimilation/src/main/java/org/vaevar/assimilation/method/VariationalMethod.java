package org.vaevar.assimilation.method;

import java.util.List;
import java.util.Map;
import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.ControlTransform;
import org.vaevar.api.DynamicalModel;
import org.vaevar.api.MinimizationResult;
import org.vaevar.api.Minimizer;
import org.vaevar.api.ObservationError;
import org.vaevar.api.ObservationOperator;
import org.vaevar.api.StoppingCriteria;
import org.vaevar.api.method.AnalysisFailedException;
import org.vaevar.api.method.AssimilationMethod;
import org.vaevar.api.method.AssimilationRun;
import org.vaevar.api.method.CostTerms;
import org.vaevar.api.method.CycleOutcome;
import org.vaevar.api.method.MethodDiagnostics;
import org.vaevar.assimilation.cost.CostTimer;
import org.vaevar.assimilation.cost.ObservationWindow;
import org.vaevar.assimilation.cost.StrongConstraintCost;
import org.vaevar.assimilation.cost.TimedComponents;
import org.vaevar.assimilation.experiment.Timing;

/**
 * Variational assimilation: the analysis x0ᵃ minimises the {@link StrongConstraintCost}
 * J(v) = Jb(v) + λ Σ_j ½ ‖y_j − H(M_{0→j}(T(v)))‖²_{R⁻¹} over the window's K observation times, with the prior's
 * control transform x = T(v) about the background xb; the next background is M(x0ᵃ) at the next window start.
 * The prior is the only thing that differs between 3D-Var and VAE-3D-Var; K is the only thing that differs
 * between 3D-Var and 4D-Var.
 */
public final class VariationalMethod implements AssimilationMethod {

    public static final String NAME = "variational";

    private final DynamicalModel model;
    private final ObservationOperator operator;
    private final ObservationError error;
    private final BackgroundPrior prior;
    private final Minimizer minimizer;
    private final StoppingCriteria stopping;
    private final int interval;
    private final int window;
    private final double observationWeight;

    public VariationalMethod(DynamicalModel model, ObservationOperator operator, ObservationError error,
                             BackgroundPrior prior, Minimizer minimizer, StoppingCriteria stopping, int interval,
                             int window, double observationWeight) {
        if (operator.stateDimension() != model.dimension()) {
            throw new IllegalArgumentException("observation operator " + operator.name() + " expects dimension "
                    + operator.stateDimension() + " but model " + model.name() + " has " + model.dimension());
        }
        if (prior.stateDimension() != model.dimension()) {
            throw new IllegalArgumentException("prior " + prior.name() + " is for dimension " + prior.stateDimension()
                    + " but model " + model.name() + " has " + model.dimension());
        }
        if (window < 1) {
            throw new IllegalArgumentException("window = " + window + ": must be at least 1");
        }
        this.model = model;
        this.operator = operator;
        this.error = error;
        this.prior = prior;
        this.minimizer = minimizer;
        this.stopping = stopping;
        this.interval = interval;
        this.window = window;
        this.observationWeight = observationWeight;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int window() {
        return window;
    }

    public BackgroundPrior prior() {
        return prior;
    }

    @Override
    public Map<String, Object> describe() {
        return Map.of("window", window);
    }

    /** Deterministic: the run seed is not used. */
    @Override
    public Run start(double[] firstBackground, long runSeed) {
        return new Run(firstBackground.clone());
    }

    /** One variational run: the background state and where the time went. */
    public final class Run implements AssimilationRun, TimedRun {

        private final CostTimer costTimer = new CostTimer();
        private final DynamicalModel timedModel = TimedComponents.model(model, costTimer);
        private final ObservationOperator timedOperator = TimedComponents.operator(operator, costTimer);
        private long forecastNanos;
        private long minimizeNanos;
        private double[] xb;

        private Run(double[] xb) {
            this.xb = xb;
        }

        @Override
        public CycleOutcome cycle(List<double[]> observations) {
            ControlTransform transform;
            try {
                transform = prior.at(xb);
            } catch (IllegalStateException e) {
                // The prior cannot be used at this background (e.g. the VAE's Jacobian term undefined there).
                throw new AnalysisFailedException("the prior " + prior.name(), e.getMessage());
            }
            StrongConstraintCost cost = new StrongConstraintCost(TimedComponents.transform(transform, costTimer),
                    timedModel, new ObservationWindow(timedOperator, error, observations, interval),
                    observationWeight);
            long m0 = System.nanoTime();
            MinimizationResult result = minimizer.minimize(cost, transform.initialControl(), stopping);
            minimizeNanos += System.nanoTime() - m0;
            double[] xa0 = transform.apply(result.argmin());
            CostTerms firstGuess = cost.terms(transform.initialControl(), result.initialValue());
            CostTerms analysis = cost.terms(result.argmin(), result.value());
            double[] background = xb;
            double[] xaEnd = xa0;
            double[] next = xa0;
            if (allFinite(xa0)) { // a blown-up analysis is reported, not forecast
                long f0 = System.nanoTime();
                xaEnd = window > 1 ? model.forecast(xa0, (window - 1) * interval) : xa0;
                next = model.forecast(xaEnd, interval);
                forecastNanos += System.nanoTime() - f0;
            }
            xb = next;
            return new CycleOutcome(background, xa0, xaEnd, next, Double.NaN, Double.NaN,
                    new MethodDiagnostics(result.iterations(), result.evaluations(), result.initialValue(),
                            result.value(), result.reason(), firstGuess, analysis));
        }

        @Override
        public Timing timing(long totalNanos) {
            return new Timing(totalNanos, costTimer.modelNanos() + forecastNanos, costTimer.adjointNanos(),
                    costTimer.observationNanos(), costTimer.priorNanos(), minimizeNanos - costTimer.totalNanos());
        }
    }

    private static boolean allFinite(double[] x) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
