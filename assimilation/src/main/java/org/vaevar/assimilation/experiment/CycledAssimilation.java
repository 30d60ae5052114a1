package org.vaevar.assimilation.experiment;

import java.util.ArrayList;
import java.util.List;
import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.ControlTransform;
import org.vaevar.api.DynamicalModel;
import org.vaevar.api.MinimizationResult;
import org.vaevar.api.Minimizer;
import org.vaevar.api.ObservationError;
import org.vaevar.api.ObservationOperator;
import org.vaevar.api.StoppingCriteria;
import org.vaevar.api.plugin.BackgroundErrorSamples;
import org.vaevar.api.util.ProgressListener;
import org.vaevar.api.util.Vectors;
import org.vaevar.assimilation.cost.CostTimer;
import org.vaevar.assimilation.cost.ObservationWindow;
import org.vaevar.assimilation.cost.StrongConstraintCost;
import org.vaevar.assimilation.cost.TimedComponents;

/**
 * Cycled variational assimilation of one twin run. Cycle c assimilates the observations at times
 * k = cK … cK + K − 1 (K = window): the analysis x0ᵃ minimises the {@link StrongConstraintCost} from the
 * background xb, and the next background is M(x0ᵃ) at the next window start. The prior is the only thing that
 * differs between 3D-Var and VAE-3D-Var; K is the only thing that differs between 3D-Var and 4D-Var.
 */
public final class CycledAssimilation {

    private static final int TRAJECTORY_COMPONENTS = 3;

    private final DynamicalModel model;
    private final ObservationOperator operator;
    private final ObservationError error;
    private final Minimizer minimizer;
    private final StoppingCriteria stopping;
    private final int interval;
    private final int window;
    private final double observationWeight;

    public CycledAssimilation(DynamicalModel model, ObservationOperator operator, ObservationError error,
                              Minimizer minimizer, StoppingCriteria stopping, int interval, int window,
                              double observationWeight) {
        if (operator.stateDimension() != model.dimension()) {
            throw new IllegalArgumentException("observation operator " + operator.name() + " expects dimension "
                    + operator.stateDimension() + " but model " + model.name() + " has " + model.dimension());
        }
        this.model = model;
        this.operator = operator;
        this.error = error;
        this.minimizer = minimizer;
        this.stopping = stopping;
        this.interval = interval;
        this.window = window;
        this.observationWeight = observationWeight;
    }

    public int window() {
        return window;
    }

    /** Observation times a run of {@code cycles} cycles needs. */
    public int timesNeeded(int cycles) {
        return cycles * window;
    }

    /**
     * Runs {@code cycles} cycles over {@code data}.
     *
     * @param collectSamples keep (xb, xᵗ) at every window start after spin-up (calibration)
     * @throws DivergenceException when an analysis or forecast is not finite
     */
    public RunResult run(BackgroundPrior prior, TwinObservations data, int cycles, int spinupCycles,
                         boolean collectSamples, ProgressListener progress, String task) {
        if (prior.stateDimension() != model.dimension()) {
            throw new IllegalArgumentException("prior " + prior.name() + " is for dimension " + prior.stateDimension()
                    + " but model " + model.name() + " has " + model.dimension());
        }
        if (data.times() < timesNeeded(cycles)) {
            throw new IllegalArgumentException("twin data has " + data.times() + " observation times; "
                    + cycles + " cycles of window " + window + " need " + timesNeeded(cycles));
        }
        int m = Math.min(TRAJECTORY_COMPONENTS, model.dimension());
        int[] components = new int[m];
        for (int i = 0; i < m; i++) {
            components[i] = i;
        }
        double[] times = new double[cycles];
        double[][] trTruth = new double[cycles][m], trBackground = new double[cycles][m], trAnalysis = new double[cycles][m];
        List<CycleRecord> records = new ArrayList<>(cycles);
        List<double[]> sampleBackgrounds = new ArrayList<>();
        List<double[]> sampleTruths = new ArrayList<>();
        CostTimer costTimer = new CostTimer();
        DynamicalModel timedModel = TimedComponents.model(model, costTimer);
        ObservationOperator timedOperator = TimedComponents.operator(operator, costTimer);
        long forecastNanos = 0, minimizeNanos = 0;
        long start = System.nanoTime();

        double[] xb = data.initialBackground();
        int progressEvery = Math.max(1, cycles / 200);
        double analysisRmseSum = 0;
        for (int c = 0; c < cycles; c++) {
            int k0 = c * window;
            double[] xt0 = data.truth(k0);
            if (collectSamples && c >= spinupCycles) {
                sampleBackgrounds.add(xb.clone());
                sampleTruths.add(xt0.clone());
            }
            List<double[]> ys = new ArrayList<>(window);
            for (int j = 0; j < window; j++) {
                ys.add(data.observation(k0 + j));
            }
            ControlTransform transform;
            try {
                transform = prior.at(xb);
            } catch (IllegalStateException e) {
                // The prior cannot be used at this background (e.g. the VAE's Jacobian term undefined there): the
                // method fails in this run, as a divergence does, and the run reports where.
                throw new DivergenceException(c, "the prior " + prior.name() + " failed at cycle " + c + " (t = "
                        + data.time(k0) + "): " + e.getMessage());
            }
            StrongConstraintCost cost = new StrongConstraintCost(TimedComponents.transform(transform, costTimer),
                    timedModel, new ObservationWindow(timedOperator, error, ys, interval), observationWeight);

            long m0 = System.nanoTime();
            MinimizationResult result = minimizer.minimize(cost, transform.initialControl(), stopping);
            minimizeNanos += System.nanoTime() - m0;
            double[] xa0 = transform.apply(result.argmin());
            requireFinite(c, data.time(k0), "analysis", xa0);

            long f0 = System.nanoTime();
            double[] xaEnd = window > 1 ? model.forecast(xa0, (window - 1) * interval) : xa0;
            double[] nextBackground = model.forecast(xaEnd, interval);
            forecastNanos += System.nanoTime() - f0;
            requireFinite(c, data.time(k0 + window), "forecast", nextBackground);

            records.add(new CycleRecord(c, data.time(k0), Vectors.rmse(xb, xt0),
                    Vectors.rmse(xaEnd, data.truth(k0 + window - 1)), Vectors.rmse(xa0, xt0),
                    result.iterations(), result.evaluations(), result.initialValue(), result.value(),
                    result.reason()));
            times[c] = data.time(k0);
            for (int i = 0; i < m; i++) {
                trTruth[c][i] = xt0[components[i]];
                trBackground[c][i] = xb[components[i]];
                trAnalysis[c][i] = xa0[components[i]];
            }
            xb = nextBackground;
            if (c >= spinupCycles) {
                analysisRmseSum += records.get(c).rmseAnalysis();
            }
            if ((c + 1) % progressEvery == 0 || c + 1 == cycles) { // formatting costs more than a small cycle
                // The running mean after spin-up: the number the run's table reports, labelled as a mean.
                progress.update(task, c + 1, cycles, c < spinupCycles ? "spin-up"
                        : String.format(java.util.Locale.ROOT, "mean rmse a %.3f",
                        analysisRmseSum / (c + 1 - spinupCycles)));
            }
        }
        long total = System.nanoTime() - start;
        Timing timing = new Timing(total, costTimer.modelNanos() + forecastNanos, costTimer.adjointNanos(),
                costTimer.observationNanos(), costTimer.priorNanos(), minimizeNanos - costTimer.totalNanos());
        BackgroundErrorSamples samples = collectSamples && !sampleBackgrounds.isEmpty()
                ? new BackgroundErrorSamples(sampleBackgrounds.toArray(double[][]::new),
                sampleTruths.toArray(double[][]::new))
                : null;
        return new RunResult(List.copyOf(records), samples,
                new RunResult.Trajectory(components, times, trTruth, trBackground, trAnalysis), timing,
                Math.min(spinupCycles, cycles));
    }

    private static void requireFinite(int cycle, double time, String what, double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new DivergenceException(cycle, "diverged: the " + what + " state at cycle " + cycle + " (t = "
                        + time + ") has x[" + i + "] = " + x[i]);
            }
        }
    }
}
