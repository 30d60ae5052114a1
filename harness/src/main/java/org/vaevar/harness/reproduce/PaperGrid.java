package org.vaevar.harness.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vaevar.api.plugin.Parameter;
import org.vaevar.api.plugin.ParameterSpec;
import org.vaevar.assimilation.config.CalibrationConfig;
import org.vaevar.assimilation.config.PluginConfig;
import org.vaevar.assimilation.config.SampleSource;
import org.vaevar.assimilation.config.TuningConfig;

/**
 * The comparison grid of {@code vaevar reproduce}, as data, in one place: the settings, the quick and smoke
 * subsets, the schedule of each mode, the methods of a setting, and the VAE's configuration and ablations.
 *
 * <pre>
 * system        intervals   observed                       operators (noise std)
 * Lorenz 63     8, 25       x, y, z  |  x only             linear (√2, R = 2I), arctan (0.1)
 * Lorenz 96     5, 15       every 1st | 2nd | 4th of 40    linear (1, R = I),   arctan (0.1)
 * imperfect     L63 Δ25 x,y,z linear with forecast ρ = 30 (truth 28); L96 Δ5 all linear with forecast F = 7.5 (truth 8)
 * methods       3dvar, 4dvar (K = 3), B chosen on the tuning seed among sample, circulant (L96) and climatological;
 *               vae-3dvar, vae-4dvar when the vae plugin is on the classpath;
 *               reference: etkf N 10 (Lorenz 63), letkf N 20 radius 4 (Lorenz 96), random rotation, inflation tuned
 * </pre>
 * Lorenz 63: σ 10, ρ 28, β 8/3, RK4 dt 0.01. Lorenz 96: N 40, F 8, RK4 dt 0.01. A setting where a method diverges
 * stays in the grid and is reported as diverged.
 */
public final class PaperGrid {

    private PaperGrid() {
    }

    // ------------------------------------------------------------------------------------------ systems

    static final PluginConfig LORENZ63 = PluginConfig.of("lorenz63", "sigma", 10.0, "rho", 28.0,
            "beta", 8.0 / 3.0, "dt", 0.01);
    static final PluginConfig LORENZ96 = PluginConfig.of("lorenz96", "n", 40, "forcing", 8.0, "dt", 0.01);
    static final int L63_BURN_IN = 2000;
    static final int L96_BURN_IN = 5000;

    /** An operator and the noise it is observed with on a system. */
    record Operator(String name, double noise) {
    }

    static final Operator L63_LINEAR = new Operator("linear", Math.sqrt(2.0)); // R = 2I
    static final Operator L96_LINEAR = new Operator("linear", 1.0);            // R = I
    static final Operator ARCTAN = new Operator("arctan", 0.1);

    // ------------------------------------------------------------------------------------------ the grid

    /** The full grid: 8 Lorenz 63 settings, 12 Lorenz 96 settings, 2 imperfect-model settings. */
    public static List<SettingSpec> full() {
        List<SettingSpec> g = new ArrayList<>();
        for (int interval : new int[] {8, 25}) {
            for (boolean xOnly : new boolean[] {false, true}) {
                for (Operator op : new Operator[] {L63_LINEAR, ARCTAN}) {
                    g.add(lorenz63(interval, xOnly, op));
                }
            }
        }
        for (int interval : new int[] {5, 15}) {
            for (int every : new int[] {1, 2, 4}) {
                for (Operator op : new Operator[] {L96_LINEAR, ARCTAN}) {
                    g.add(lorenz96(LORENZ96, interval, every, op));
                }
            }
        }
        g.add(imperfect(lorenz63(25, false, L63_LINEAR), LORENZ63.with("rho", 30.0), "truth ρ=28, forecast ρ=30"));
        g.add(imperfect(lorenz96(LORENZ96, 5, 1, L96_LINEAR), LORENZ96.with("forcing", 7.5),
                "truth F=8, forecast F=7.5"));
        return List.copyOf(g);
    }

    /**
     * The quick subset: both systems, both operators, two Lorenz 96 densities; also the ablations' settings. Half
     * the Lorenz 96 state is observed with the linear operator only: with arctan the VAE minimisations there cost
     * about 60 ms a cycle (measured), which alone would take the quick grid past its ten minutes.
     */
    public static final List<String> QUICK = List.of(
            "l63-d25-all-linear", "l63-d25-all-arctan",
            "l96-d5-e1-linear", "l96-d5-e1-arctan",
            "l96-d5-e2-linear");

    /** The setting of the error-shape histogram and the trajectory figure, when it is in the grid. */
    public static final String FIGURE_SETTING = "l63-d25-all-linear";

    public static List<SettingSpec> quick() {
        return subset(full(), QUICK);
    }

    /** Two tiny settings for the test suite: Lorenz 63 and a 12-point Lorenz 96. Not a result. */
    public static List<SettingSpec> smoke() {
        return List.of(lorenz63(8, false, L63_LINEAR),
                lorenz96(LORENZ96.with("n", 12), 5, 2, ARCTAN));
    }

    public static List<SettingSpec> settings(Mode mode) {
        return switch (mode) {
            case FULL -> full();
            case QUICK -> quick();
            case SMOKE -> smoke();
        };
    }

    /** The settings on which the ablations run: the quick ones (both tiny ones in smoke mode). */
    public static Set<String> ablationSettings(Mode mode) {
        return mode == Mode.SMOKE ? Set.of(smoke().get(0).id(), smoke().get(1).id()) : Set.copyOf(QUICK);
    }

    // ------------------------------------------------------------------------------------------ schedules

    /**
     * The coarse grid of the inflation and latentScale search: five values 1/8 … 4 a factor 2^1.25 ≈ 2.38 apart (to
     * four digits). On the full grid an eleven-value grid over the same range left ten tuned values at its edges;
     * the adaptive search extends past them by the same step.
     */
    static final List<Double> TUNING_GRID = List.of(0.125, 0.2973, 0.7071, 1.682, 4.0);
    /**
     * Evaluations per tuned candidate, the same for every method: the coarse grid, then six for extension beyond an
     * edge and golden-section refinement (on a unimodal curve, when no extension was needed, the minimum is then
     * within a factor exp(1.25 log 2 · φ^−6) ≈ 1.05 of the chosen value).
     */
    static final int TUNING_BUDGET = 11;
    /** Scales of the first sample B tried by the calibration; reaching down to 0.05 matters where the loose run's
     * errors are large (sparse observations), so that the B of those errors is not overinflated. */
    static final List<Double> CALIBRATION_SCALES = List.of(0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0);
    static final PluginConfig LOOSE_PRIOR = PluginConfig.of("gaussian", "covariance", "climatology",
            "inflation", 0.1);

    /**
     * The ensemble reference's inflation grid, searched point by point: {@link #TUNING_BUDGET} values (the same
     * budget), from 1 (no inflation) to 1.3, the excess ρ − 1 about a factor 1.5 apart (an optimum near 1.02,
     * DAPPER's for the L63 ETKF N 10, is not between two values 5 % apart). Not the log-scale search: its natural
     * scale is log(ρ − 1), on which ρ = 1 (no inflation, the grid's lower end) lies at −∞; the grid is already
     * about even in log(ρ − 1) above it.
     */
    static final List<Double> ENSEMBLE_GRID = List.of(1.0, 1.005, 1.01, 1.02, 1.03, 1.05, 1.07, 1.1, 1.15, 1.2,
            1.3);

    /**
     * Each prior learns from the background errors of its own window (4D-Var priors from 4D-Var's): measured on
     * Lorenz 96 half observed (500 cycles, 2 seeds), Gaussian 4D-Var 0.903 → 0.583 and VAE-4D-Var 1.42 → 0.620
     * against 3D-Var's samples; fully observed 0.336 → 0.323 and 0.335 → 0.327. 3D-Var methods are unchanged by
     * construction.
     */
    static final SampleSource SAMPLE_SOURCE = SampleSource.WINDOW;

    public static Schedule schedule(Mode mode) {
        return switch (mode) {
            // 3D-Var: 2000 evaluation cycles per seed; four calibration runs give ~3600 training samples.
            // Two tuning seeds of 500 cycles: one gave non-monotone tuning curves.
            case FULL -> new Schedule(2000, 200, 500, 50, TUNING_GRID, ENSEMBLE_GRID, TuningConfig.Search.ADAPTIVE,
                    TUNING_BUDGET, 2, new CalibrationConfig(4, 1000, 100, LOOSE_PRIOR, CALIBRATION_SCALES)
                    .withSource(SAMPLE_SOURCE), 5000);
            // 800 evaluation cycles per seed; two calibration runs give 1800 training samples. One tuning seed
            // keeps the wall time.
            case QUICK -> new Schedule(800, 80, 300, 30, TUNING_GRID, ENSEMBLE_GRID, TuningConfig.Search.ADAPTIVE,
                    TUNING_BUDGET, 1, new CalibrationConfig(2, 1000, 100, LOOSE_PRIOR, CALIBRATION_SCALES)
                    .withSource(SAMPLE_SOURCE), 2000);
            // Tiny, but through the same search (one value beyond the two-value grid) and two tuning seeds.
            case SMOKE -> new Schedule(24, 6, 12, 3, List.of(0.5, 2.0), List.of(1.02, 1.05, 1.1),
                    TuningConfig.Search.ADAPTIVE, 3, 2,
                    new CalibrationConfig(1, 60, 10, LOOSE_PRIOR, List.of(0.5, 2.0)), 200);
        };
    }

    // ------------------------------------------------------------------------------------------ methods

    /**
     * The climatological B's inflation grid is the tuning grid times this (0.00625 … 0.2): a climatological B is
     * several times wider than the covariance of a working filter's background errors (the calibration's loose
     * prior uses 0.1).
     */
    static final double CLIMATOLOGY_GRID_SCALE = 0.05;

    /**
     * The methods of a setting: 3D-Var and 4D-Var with the Gaussian prior, then (if {@code learned} is given) the
     * learned prior's 3D-Var and 4D-Var, then the {@linkplain #ensembleReference ensemble reference}. The Gaussian chooses on the tuning seed between the sample B (from the
     * calibration samples), on periodic Lorenz 96 its circulant average, and the climatological B; in an
     * imperfect-model setting also between a zero and a sample mean correction (a learned prior learns the bias of
     * its training corrections, so the baseline may too). The climatological B is there because where the
     * calibration's 3D-Var tracks the truth poorly (sparse observations) its samples make a poor sample B; the
     * baseline must not suffer from that.
     */
    public static List<MethodSpec> methods(SettingSpec s, LearnedPrior learned) {
        List<MethodSpec.Candidate> gaussian = gaussianCandidates(s);
        List<MethodSpec> m = new ArrayList<>();
        m.add(new MethodSpec("3dvar", MethodSpec.Family.GAUSSIAN, 1, gaussian, "inflation", null, null, null));
        m.add(new MethodSpec("4dvar", MethodSpec.Family.GAUSSIAN, 3, gaussian, "inflation", null, null, null));
        if (learned != null) {
            List<MethodSpec.Candidate> c = List.of(new MethodSpec.Candidate(learned.prefix(), learned.config().apply(s)));
            m.add(new MethodSpec(learned.prefix() + "-3dvar", MethodSpec.Family.LEARNED, 1, c,
                    learned.tunedParameter(), "3dvar", null, null));
            m.add(new MethodSpec(learned.prefix() + "-4dvar", MethodSpec.Family.LEARNED, 3, c,
                    learned.tunedParameter(), "4dvar", null, null));
        }
        m.add(ensembleReference(s));
        return List.copyOf(m);
    }

    /** Ensemble size of the reference on Lorenz 63 (DAPPER's ETKF benchmark of Sakov et al. 2012 uses 10). */
    static final int L63_ENSEMBLE_SIZE = 10;
    /** Ensemble size of the reference on Lorenz 96 (N 40): half the state dimension, with localisation. */
    static final int L96_ENSEMBLE_SIZE = 20;
    /** The LETKF's Gaspari–Cohn localisation radius on Lorenz 96, in grid points. */
    static final double L96_RADIUS = 4.0;

    /**
     * The ensemble reference of a setting: the ETKF with N 10 on Lorenz 63, the LETKF with N 20 and radius 4 on
     * Lorenz 96, random rotations on, its inflation tuned over the schedule's {@linkplain Schedule#ensembleGrid()
     * ensemble grid}. The LETKF runs its local analyses on one thread: the grid's items already run side by side,
     * and its ms/cycle then compares with the variational methods'.
     */
    static MethodSpec ensembleReference(SettingSpec s) {
        PluginConfig method;
        String label;
        if (s.system().equals("lorenz96")) {
            method = PluginConfig.of("letkf", "size", L96_ENSEMBLE_SIZE, "radius", L96_RADIUS, "rotation", true,
                    "threads", 1);
            label = "N " + L96_ENSEMBLE_SIZE + ", radius "
                    + java.math.BigDecimal.valueOf(L96_RADIUS).stripTrailingZeros().toPlainString() + ", rotation";
        } else {
            method = PluginConfig.of("etkf", "size", L63_ENSEMBLE_SIZE, "rotation", true);
            label = "N " + L63_ENSEMBLE_SIZE + ", rotation";
        }
        return new MethodSpec(method.name(), MethodSpec.Family.ENSEMBLE, 1,
                List.of(new MethodSpec.Candidate(label, method)), "inflation", null, null, null);
    }

    /** The learned prior's 3D-Var with each ablation applied (empty without a learned prior). */
    public static List<MethodSpec> ablations(SettingSpec s, LearnedPrior learned) {
        if (learned == null) {
            return List.of();
        }
        PluginConfig full = learned.config().apply(s);
        List<MethodSpec> m = new ArrayList<>();
        for (LearnedPrior.Ablation a : learned.ablations()) {
            m.add(new MethodSpec(learned.prefix() + "-3dvar", MethodSpec.Family.LEARNED, 1,
                    List.of(new MethodSpec.Candidate(learned.prefix() + " " + a.label(), a.apply(full))),
                    learned.tunedParameter(), "3dvar", a.label(), learned.prefix() + "-3dvar"));
        }
        return List.copyOf(m);
    }

    static List<MethodSpec.Candidate> gaussianCandidates(SettingSpec s) {
        List<String> covariances = s.system().equals("lorenz96") ? List.of("samples", "circulant", "climatology")
                : List.of("samples", "climatology");
        List<String> means = s.perfectModel() ? List.of("zero") : List.of("zero", "sample");
        List<MethodSpec.Candidate> c = new ArrayList<>();
        for (String mean : means) {
            for (String cov : covariances) {
                PluginConfig p = PluginConfig.of("gaussian", "covariance", cov);
                String label = "B " + cov;
                if (!s.perfectModel()) {
                    p = p.with("mean", mean);
                    label += ", mean " + mean;
                }
                c.add(new MethodSpec.Candidate(label, p, cov.equals("climatology") ? CLIMATOLOGY_GRID_SCALE : 1.0));
            }
        }
        return List.copyOf(c);
    }

    // ------------------------------------------------------------------------------------------ the VAE

    /** Whether the VAE-Var decoder is conditioned on the background, p(δ | xb) (the ablation flips it). */
    static final boolean VAE_CONDITIONAL = true;

    /**
     * Training overrides per mode and architecture, applied only where the vae plugin declares the parameter.
     * Measured on 2 cores: the Lorenz 63 MLP trains at about 0.1 s per epoch, so it keeps the plugin's 300-epoch
     * cap with early stopping; the Lorenz 96 conditional circular-convolution VAE at about 1.1 s per epoch with
     * batch 256 (1.6 s with batch 128), still improving at epoch 150 (validation loss), so the quick grid stops it
     * there and the full grid at 300. A larger batch with a doubled step keeps the number of updates' effect.
     */
    static Map<String, Object> vaeTraining(Mode mode, boolean conv) {
        return switch (mode) {
            case FULL -> ordered("batchSize", 256, "learningRate", 0.002);
            case QUICK -> conv ? ordered("batchSize", 256, "learningRate", 0.002, "epochs", 150)
                    : ordered("batchSize", 256, "learningRate", 0.002);
            case SMOKE -> ordered("epochs", 3);
        };
    }

    /** A map in the order written (Map.of iterates in an order that changes from one JVM to the next). */
    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /**
     * VAE-Var: the {@code vae} prior with latent penalty ½‖z‖²/τ and no Jacobian term, an MLP on Lorenz 63 and
     * circular convolutions on periodic Lorenz 96, latentScale τ tuned; ablations: no latent penalty, with the
     * log-det Jacobian term (dim z = dim x), and the other decoder conditioning.
     *
     * @param spec the vae plugin's parameters (to apply a mode's training overrides only where they exist)
     */
    public static LearnedPrior vae(Mode mode, ParameterSpec spec) {
        Set<String> declared = new java.util.HashSet<>();
        for (Parameter<?> p : spec.parameters()) {
            declared.add(p.name());
        }
        return new LearnedPrior("vae", "latentScale", s -> {
            boolean conv = s.system().equals("lorenz96");
            PluginConfig c = PluginConfig.of("vae", "architecture", conv ? "conv" : "mlp",
                    "conditional", VAE_CONDITIONAL, "latentPenalty", true, "jacobianTerm", false);
            for (Map.Entry<String, Object> e : vaeTraining(mode, conv).entrySet()) {
                if (declared.contains(e.getKey())) {
                    c = c.with(e.getKey(), e.getValue());
                }
            }
            return c;
        }, List.of(
                new LearnedPrior.Ablation("latentPenalty=false", "no latent penalty ½‖z‖²/τ",
                        Map.of("latentPenalty", false)),
                new LearnedPrior.Ablation("jacobianTerm=true", "with the log|det ∂D/∂z| term (dim z = dim x)",
                        Map.of("jacobianTerm", true)),
                new LearnedPrior.Ablation("conditional=" + !VAE_CONDITIONAL,
                        VAE_CONDITIONAL ? "unconditional decoder D(z)" : "decoder conditioned on xb, D(z; xb)",
                        Map.of("conditional", !VAE_CONDITIONAL))));
    }

    // ------------------------------------------------------------------------------------------ builders

    static SettingSpec lorenz63(int interval, boolean xOnly, Operator op) {
        PluginConfig operator = xOnly ? PluginConfig.of(op.name(), "components", List.of(0))
                : PluginConfig.of(op.name());
        return new SettingSpec("l63-d" + interval + "-" + (xOnly ? "x" : "all") + "-" + op.name(), "lorenz63",
                LORENZ63, null, "perfect", op.name(), operator, interval, xOnly ? 3 : 1, xOnly ? "x" : "x, y, z",
                op.noise(), L63_BURN_IN);
    }

    static SettingSpec lorenz96(PluginConfig model, int interval, int every, Operator op) {
        int n = ((Number) model.parameters().get("n")).intValue();
        PluginConfig operator = every == 1 ? PluginConfig.of(op.name()) : PluginConfig.of(op.name(), "every", every);
        String observed = every == 1 ? "all " + n : ((n + every - 1) / every) + " of " + n;
        String id = (n == 40 ? "l96" : "l96n" + n) + "-d" + interval + "-e" + every + "-" + op.name();
        return new SettingSpec(id, "lorenz96", model, null, "perfect", op.name(), operator, interval, every,
                observed, op.noise(), L96_BURN_IN);
    }

    /** The same setting with the forecast model replaced; the original model makes the truth. */
    static SettingSpec imperfect(SettingSpec s, PluginConfig forecast, String what) {
        return new SettingSpec(s.id() + "-imperfect", s.system(), forecast, s.model(), "imperfect: " + what,
                s.operator(), s.operatorConfig(), s.obsInterval(), s.obsEvery(), s.observed(), s.noise(),
                s.burnInSteps());
    }

    static List<SettingSpec> subset(List<SettingSpec> all, List<String> ids) {
        List<SettingSpec> out = new ArrayList<>();
        for (String id : ids) {
            out.add(all.stream().filter(s -> s.id().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("grid subset names unknown setting " + id)));
        }
        return List.copyOf(out);
    }
}
