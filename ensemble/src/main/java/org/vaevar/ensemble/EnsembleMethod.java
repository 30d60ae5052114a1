package org.vaevar.ensemble;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.vaevar.api.DiagonalObservationError;
import org.vaevar.api.DynamicalModel;
import org.vaevar.api.ObservationError;
import org.vaevar.api.ObservationOperator;
import org.vaevar.api.method.AssimilationMethod;
import org.vaevar.api.method.AssimilationRun;
import org.vaevar.api.method.CycleOutcome;
import org.vaevar.api.method.InitialEnsemble;
import org.vaevar.api.method.MethodDiagnostics;
import org.vaevar.api.plugin.MethodContext;
import org.vaevar.api.util.Seeds;

/**
 * An ensemble Kalman filter as an {@link AssimilationMethod} (window 1): each cycle observes the N forecast
 * members through H (nonlinear H acts member by member), updates them with the scheme's analysis, inflates and
 * optionally rotates the analysis anomalies, and forecasts every member to the next observation time. The
 * analysis is the member mean at the observation time. R must be diagonal (whitening divides by σ_j).
 *
 * <p>Randomness: the initial members come from the run seed's {@link InitialEnsemble#PURPOSE} stream, the
 * scheme's own draws (perturbed observations, rotations) from the stream {@link #ANALYSIS_PURPOSE}, the same for
 * every ensemble method (so an LETKF without localisation draws the ETKF's rotations).
 */
abstract class EnsembleMethod implements AssimilationMethod {

    /** One cycle's analysis of a scheme: replaces the members of {@code e} (prepared: centred and observed). */
    interface Analysis {
        void analyse(Ensemble e, double[][] rotation, SplittableRandom random);
    }

    /** The seed purpose of the analyses' random draws under the run seed. */
    static final String ANALYSIS_PURPOSE = "ensemble-analysis";

    private final String name;
    protected final DynamicalModel model;
    protected final ObservationOperator operator;
    protected final EnsembleSettings settings;
    protected final double[] inverseSigma;
    private final int interval;
    private final double initialSpread;

    EnsembleMethod(String name, MethodContext context, EnsembleSettings settings) {
        this.name = name;
        this.model = context.model();
        this.operator = context.operator();
        this.settings = settings;
        this.interval = context.interval();
        this.initialSpread = context.initialSpread();
        if (operator.stateDimension() != model.dimension()) {
            throw new IllegalArgumentException("observation operator " + operator.name() + " expects dimension "
                    + operator.stateDimension() + " but model " + model.name() + " has " + model.dimension());
        }
        this.inverseSigma = inverseSigma(name, context.error());
    }

    /** A fresh analysis workspace for one run. */
    abstract Analysis newAnalysis();

    @Override
    public String name() {
        return name;
    }

    @Override
    public int window() {
        return 1;
    }

    public int size() {
        return settings.size();
    }

    @Override
    public Map<String, Object> describe() {
        return new LinkedHashMap<>(settings.describe());
    }

    @Override
    public AssimilationRun start(double[] firstBackground, long runSeed) {
        Ensemble e = new Ensemble(settings.size(), model.dimension(), operator.observationDimension());
        InitialEnsemble.draw(firstBackground, initialSpread, Seeds.stream(runSeed, InitialEnsemble.PURPOSE),
                e.members);
        return new Run(e, newAnalysis(), Seeds.stream(runSeed, ANALYSIS_PURPOSE));
    }

    private final class Run implements AssimilationRun {

        private final Ensemble e;
        private final Analysis analysis;
        private final SplittableRandom random;

        Run(Ensemble e, Analysis analysis, SplittableRandom random) {
            this.e = e;
            this.analysis = analysis;
            this.random = random;
        }

        @Override
        public CycleOutcome cycle(List<double[]> observations) {
            double[] background = e.meanOfMembers();
            double backgroundSpread = e.spread();
            e.center();
            e.observe(operator, observations.get(0), inverseSigma);
            double[][] rotation = settings.rotation() ? MeanPreservingRotation.draw(e.size, random) : null;
            analysis.analyse(e, rotation, random);
            double[] analysisMean = e.meanOfMembers();
            double analysisSpread = e.spread();
            double[] next = analysisMean;
            if (allFinite(analysisMean)) { // a blown-up analysis is reported, not forecast
                for (double[] x : e.members) {
                    model.advance(x, interval);
                }
                next = e.meanOfMembers();
            }
            return new CycleOutcome(background, analysisMean, analysisMean, next, backgroundSpread, analysisSpread,
                    MethodDiagnostics.NONE);
        }
    }

    private static double[] inverseSigma(String method, ObservationError error) {
        if (!(error instanceof DiagonalObservationError diagonal)) {
            throw new IllegalArgumentException(method + " needs a diagonal observation error R; got "
                    + error.getClass().getSimpleName());
        }
        double[] s = new double[diagonal.dimension()];
        for (int j = 0; j < s.length; j++) {
            s[j] = 1.0 / Math.sqrt(diagonal.variance(j));
        }
        return s;
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
