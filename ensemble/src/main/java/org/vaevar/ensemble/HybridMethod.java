package org.vaevar.ensemble;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.ControlTransform;
import org.vaevar.api.DifferentiableFunction;
import org.vaevar.api.DynamicalModel;
import org.vaevar.api.MinimizationResult;
import org.vaevar.api.Minimizer;
import org.vaevar.api.ObservationOperator;
import org.vaevar.api.SpatialGrid;
import org.vaevar.api.StoppingCriteria;
import org.vaevar.api.method.AnalysisFailedException;
import org.vaevar.api.method.AssimilationMethod;
import org.vaevar.api.method.AssimilationRun;
import org.vaevar.api.method.CostTerms;
import org.vaevar.api.method.CycleOutcome;
import org.vaevar.api.method.InitialEnsemble;
import org.vaevar.api.method.MethodDiagnostics;
import org.vaevar.api.plugin.MethodContext;
import org.vaevar.api.util.Seeds;

/**
 * Hybrid ensemble–variational assimilation (3D-Var for K = 1, strong-constraint 4D-Var for K > 1): each cycle
 * minimises the experiment's variational cost over the {@link HybridControlTransform}, whose background covariance
 * is B = (1 − β) B_static + β (P_e ∘ C), B_static the experiment's prior and P_e the sample covariance of an
 * ensemble of N members at the window start, C the Gaspari–Cohn localisation on the model grid (none for an
 * infinite radius). The ensemble cycles alongside: at each observation time of the window its perturbations are
 * updated by the ETKF (the LETKF with the same radius when localised), inflated and optionally rotated; at the
 * window's last observation time the members are re-centred on the variational analysis, and all are forecast
 * to the next window start with the analysis (the control).
 *
 * <p>The control starts at the first background, and the initial members (drawn as for every ensemble method)
 * are re-centred on it, so the first cycle's ensemble mean is the background. Randomness (initial members,
 * rotations) comes from the run seed's streams as for the filters; the variational part is deterministic.
 */
final class HybridMethod implements AssimilationMethod {

    static final String NAME = "hybrid";

    private final MethodContext context;
    private final DynamicalModel model;
    private final ObservationOperator operator;
    private final EnsembleMethod filter;
    private final EnsembleSettings settings;
    private final BackgroundPrior prior;
    private final Minimizer minimizer;
    private final StoppingCriteria stopping;
    private final double beta;
    private final double radius;
    private final LocalisationRoot localisation;
    private final int interval;
    private final int window;
    private final double initialSpread;

    HybridMethod(MethodContext context, EnsembleSettings settings, double beta, double radius) {
        this.context = context;
        this.model = context.model();
        this.operator = context.operator();
        this.settings = settings;
        this.beta = beta;
        this.radius = radius;
        this.interval = context.interval();
        this.window = context.window();
        this.initialSpread = context.initialSpread();
        this.filter = Double.isInfinite(radius) ? new Etkf(context, settings, Solver.NATIVE)
                : new Letkf(context, settings, radius, 1, Solver.NATIVE);
        this.localisation = Double.isInfinite(radius) ? null
                : new LocalisationRoot((SpatialGrid) model, model.dimension(), radius);
        this.prior = context.prior();
        if (prior.stateDimension() != model.dimension()) {
            throw new IllegalArgumentException("prior " + prior.name() + " is for dimension " + prior.stateDimension()
                    + " but model " + model.name() + " has " + model.dimension());
        }
        this.minimizer = context.minimizer();
        this.stopping = context.stopping();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int window() {
        return window;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>(settings.describe());
        m.put(HybridProvider.BETA, beta);
        m.put(HybridProvider.RADIUS, Double.isInfinite(radius) ? "Infinity" : radius);
        m.put("window", window);
        m.put("perturbationUpdate", Double.isInfinite(radius) ? Etkf.NAME : Letkf.NAME);
        Map<String, Object> staticPrior = new LinkedHashMap<>();
        staticPrior.put("name", prior.name());
        staticPrior.putAll(prior.describe());
        m.put("staticPrior", staticPrior);
        return m;
    }

    @Override
    public AssimilationRun start(double[] firstBackground, long runSeed) {
        Ensemble e = new Ensemble(settings.size(), model.dimension(), operator.observationDimension());
        InitialEnsemble.draw(firstBackground, initialSpread, Seeds.stream(runSeed, InitialEnsemble.PURPOSE),
                e.members);
        recentre(e, firstBackground);
        return new Run(firstBackground.clone(), e, filter.newAnalysis(),
                Seeds.stream(runSeed, EnsembleMethod.ANALYSIS_PURPOSE));
    }

    private final class Run implements AssimilationRun {

        private final Ensemble e;
        private final EnsembleMethod.Analysis analysis;
        private final SplittableRandom random;
        private double[] xb;

        Run(double[] xb, Ensemble e, EnsembleMethod.Analysis analysis, SplittableRandom random) {
            this.xb = xb;
            this.e = e;
            this.analysis = analysis;
            this.random = random;
        }

        @Override
        public CycleOutcome cycle(List<double[]> observations) {
            double backgroundSpread = e.spread();
            e.center();
            ControlTransform transform = new HybridControlTransform(staticTransform(xb), beta, e.anomalies,
                    localisation);
            DifferentiableFunction cost = context.variationalCost(transform, observations);
            MinimizationResult result = minimizer.minimize(cost, transform.initialControl(), stopping);
            double[] xa0 = transform.apply(result.argmin());
            MethodDiagnostics diagnostics = new MethodDiagnostics(result.iterations(), result.evaluations(),
                    result.initialValue(), result.value(), result.reason(),
                    terms(transform, transform.initialControl(), result.initialValue(), observations),
                    terms(transform, result.argmin(), result.value(), observations));
            double[] background = xb;
            if (!allFinite(xa0)) { // a blown-up analysis is reported, not forecast
                xb = xa0;
                return new CycleOutcome(background, xa0, xa0, xa0, backgroundSpread, Double.NaN, diagnostics);
            }
            // The ensemble: an (L)ETKF update at every observation time of the window, re-centred at the last.
            for (int j = 0; j < observations.size(); j++) {
                if (j > 0) {
                    forecastMembers(interval);
                    e.center();
                }
                e.observe(operator, observations.get(j), filter.inverseSigma);
                double[][] rotation = settings.rotation() ? MeanPreservingRotation.draw(e.size, random) : null;
                analysis.analyse(e, rotation, random);
            }
            double[] xaEnd = window > 1 ? model.forecast(xa0, (window - 1) * interval) : xa0;
            recentre(e, xaEnd);
            double analysisSpread = e.spread();
            double[] next = xaEnd;
            if (allFinite(xaEnd)) {
                next = model.forecast(xaEnd, interval);
                forecastMembers(interval);
            }
            xb = next;
            return new CycleOutcome(background, xa0, xaEnd, next, backgroundSpread, analysisSpread, diagnostics);
        }

        private void forecastMembers(int steps) {
            for (double[] x : e.members) {
                model.advance(x, steps);
            }
        }

        private ControlTransform staticTransform(double[] background) {
            try {
                return prior.at(background);
            } catch (IllegalStateException ex) {
                throw new AnalysisFailedException("the prior " + prior.name(), ex.getMessage());
            }
        }
    }

    /** Jb = P(u) evaluated, Jo = J − Jb from the J the minimizer computed (no extra window forecast). */
    private static CostTerms terms(ControlTransform t, double[] u, double cost, List<double[]> observations) {
        double jb = t.penalty().value(u);
        int m = 0;
        for (double[] y : observations) {
            m += y.length;
        }
        return new CostTerms(jb, cost - jb, m);
    }

    /** x_k ← centre + (x_k − x̄): the members keep their perturbations about a new mean. */
    private static void recentre(Ensemble e, double[] centre) {
        double[] mean = e.meanOfMembers();
        for (double[] x : e.members) {
            for (int i = 0; i < x.length; i++) {
                x[i] = centre[i] + (x[i] - mean[i]);
            }
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
