package org.vaevar.assimilation.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.Map;

/**
 * The calibration protocol that produces the background-error samples both the Gaussian B and the VAE learn
 * from: (1) a loosely configured 3D-Var ({@code loosePrior}) gives a first B from its errors; (2) the scale of that
 * B ({@code samplePrior}, by default the Gaussian's sample covariance) is tuned over {@code scaleGrid} on a tuning
 * seed, through the scalar its provider declares tunable; (3) the tuned 3D-Var runs on {@code runs} further seeds and
 * its (xb, xᵗ) pairs after spin-up are the samples. Every run is {@code cycles} long with {@code spinupCycles}
 * discarded. Seeds are derived from the master seed, never equal to the evaluation seed.
 *
 * <p>With {@code method} naming an ensemble method (a method section, e.g. {@code {"name": "etkf", "size": 20}}),
 * steps 1–2 are skipped: that method runs on the {@code runs} sample seeds and its forecast-mean errors at the
 * window starts are the samples.
 *
 * <p>{@code source} chooses what the sample runs collect (docs/DESIGN.md §3): the tuned 3D-Var's errors
 * ({@code 3dvar}), the tuned Gaussian prior's errors in the window of the method that learns from them
 * ({@code window}), the method's ({@code method}) or NMC forecast differences ({@code nmc}, leads {@code nmcLeads}).
 * {@code rounds} self-consistent rounds then refine each tuned prior on its own method's errors.
 *
 * @param samplePrior  the prior estimated from the loose run's errors whose scale is tuned (step 2): e.g. a
 *                     localised sample B where the plain sample covariance is rank-deficient
 * @param method       the method whose background errors are the samples, or {@code null} for the tuned 3D-Var
 * @param source       what the sample runs collect
 * @param nmcLeads     the short and the long forecast lead of {@code nmc}, in observation intervals
 * @param rounds       self-consistent rounds per tuned prior (0: none)
 * @param roundSamples what a round retrains on
 */
public record CalibrationConfig(int runs, int cycles, int spinupCycles, PluginConfig loosePrior,
                                List<Double> scaleGrid, PluginConfig samplePrior, PluginConfig method,
                                SampleSource source, List<Integer> nmcLeads, int rounds, RoundSamples roundSamples) {

    /** The default NMC leads: one and two observation intervals. */
    public static final List<Integer> NMC_LEADS = List.of(1, 2);

    /**
     * The default of {@code roundSamples}: a round's own errors, centred (Lorenz 96 half observed, VAE-4D-Var: one
     * round took the tuning RMSE 1.379 → 0.632 with centring, 0.635 without, 1.109 mixed with the old samples).
     */
    public static final RoundSamples ROUND_SAMPLES = RoundSamples.CENTRED;

    /** The default of {@code samplePrior}: the Gaussian prior with the sample covariance of the loose run's errors. */
    public static final PluginConfig SAMPLE_PRIOR = PluginConfig.of("gaussian", "covariance", "samples");

    public static CalibrationConfig defaults() {
        return new CalibrationConfig(2, 1000, 100,
                PluginConfig.of("gaussian", "covariance", "climatology", "inflation", 0.1),
                List.of(0.25, 0.5, 1.0, 2.0, 4.0), SAMPLE_PRIOR, null, null, NMC_LEADS, 0, ROUND_SAMPLES);
    }

    public CalibrationConfig(int runs, int cycles, int spinupCycles, PluginConfig loosePrior,
                             List<Double> scaleGrid) {
        this(runs, cycles, spinupCycles, loosePrior, scaleGrid, SAMPLE_PRIOR, null, null, NMC_LEADS, 0,
                ROUND_SAMPLES);
    }

    /** Samples from a method's errors ({@code source} method). */
    public CalibrationConfig withMethod(PluginConfig m) {
        return new CalibrationConfig(runs, cycles, spinupCycles, loosePrior, scaleGrid, samplePrior, m,
                SampleSource.METHOD, nmcLeads, rounds, roundSamples);
    }

    /** Samples from another source (not {@code method}: see {@link #withMethod}). */
    public CalibrationConfig withSource(SampleSource s) {
        return new CalibrationConfig(runs, cycles, spinupCycles, loosePrior, scaleGrid, samplePrior, null, s,
                nmcLeads, rounds, roundSamples);
    }

    public CalibrationConfig withRounds(int k, RoundSamples how) {
        return new CalibrationConfig(runs, cycles, spinupCycles, loosePrior, scaleGrid, samplePrior, method, source,
                nmcLeads, k, how);
    }

    /** The short NMC lead, in observation intervals. */
    public int nmcShortLead() {
        return nmcLeads.get(0);
    }

    /** The long NMC lead, in observation intervals. */
    public int nmcLongLead() {
        return nmcLeads.get(1);
    }

    public CalibrationConfig {
        if (runs < 1) {
            throw new ConfigException("calibration.runs = " + runs + ": must be at least 1");
        }
        if (cycles <= spinupCycles) {
            throw new ConfigException("calibration.cycles = " + cycles + ": must exceed calibration.spinupCycles = "
                    + spinupCycles);
        }
        if (spinupCycles < 0) {
            throw new ConfigException("calibration.spinupCycles = " + spinupCycles + ": must be non-negative");
        }
        if (scaleGrid.isEmpty() || scaleGrid.stream().anyMatch(s -> !(s > 0))) {
            throw new ConfigException("calibration.scaleGrid = " + scaleGrid + ": must be positive numbers");
        }
        scaleGrid = List.copyOf(scaleGrid);
        // calibration.method alone keeps its meaning (source method); a source other than method ignores no field.
        if (source == null) {
            source = method != null ? SampleSource.METHOD : SampleSource.THREE_D_VAR;
        }
        if (source == SampleSource.METHOD && method == null) {
            throw new ConfigException("calibration.source = method: needs calibration.method (an ensemble method "
                    + "section, e.g. {\"name\": \"letkf\", \"size\": 20})");
        }
        if (source != SampleSource.METHOD && method != null) {
            throw new ConfigException("calibration.source = " + source.key() + ": calibration.method is only used "
                    + "with calibration.source = method; remove one of them");
        }
        if (nmcLeads == null) {
            nmcLeads = NMC_LEADS;
        }
        if (nmcLeads.size() != 2 || nmcLeads.get(0) < 1 || nmcLeads.get(1) <= nmcLeads.get(0)) {
            throw new ConfigException("calibration.nmcLeads = " + nmcLeads + ": must be two leads in observation "
                    + "intervals, short then long, 1 <= short < long");
        }
        nmcLeads = List.copyOf(nmcLeads);
        if (rounds < 0) {
            throw new ConfigException("calibration.rounds = " + rounds + ": must be non-negative");
        }
        if (roundSamples == null) {
            roundSamples = ROUND_SAMPLES;
        }
    }

    /**
     * From a config: an absent field keeps {@link #defaults()}; {@code method} alone means {@code source}
     * method.
     */
    @JsonCreator
    static CalibrationConfig bind(@JsonProperty("runs") Integer runs, @JsonProperty("cycles") Integer cycles,
                                  @JsonProperty("spinupCycles") Integer spinupCycles,
                                  @JsonProperty("loosePrior") PluginConfig loosePrior,
                                  @JsonProperty("scaleGrid") @JsonDeserialize(using = StrictValues.Reals.class)
                                  List<Double> scaleGrid,
                                  @JsonProperty("samplePrior") PluginConfig samplePrior,
                                  @JsonProperty("method") PluginConfig method,
                                  @JsonProperty("source") SampleSource source,
                                  @JsonProperty("nmcLeads") @JsonDeserialize(using = StrictValues.Wholes.class)
                                  List<Integer> nmcLeads,
                                  @JsonProperty("rounds") Integer rounds,
                                  @JsonProperty("roundSamples") RoundSamples roundSamples) {
        CalibrationConfig d = defaults();
        return new CalibrationConfig(runs != null ? runs : d.runs, cycles != null ? cycles : d.cycles,
                spinupCycles != null ? spinupCycles : d.spinupCycles, loosePrior != null ? loosePrior : d.loosePrior,
                scaleGrid != null ? scaleGrid : d.scaleGrid, samplePrior != null ? samplePrior : d.samplePrior,
                method, source, nmcLeads, rounds != null ? rounds : d.rounds, roundSamples);
    }

    Map<String, Object> toMap() {
        return ConfigBinding.tree(this);
    }

    /**
     * As JSON holds it: only what differs from the first protocol (3D-Var samples, no rounds), so that an
     * unchanged config keeps its summary and twin key.
     */
    @JsonValue
    Written written() {
        boolean named = source != SampleSource.THREE_D_VAR && source != SampleSource.METHOD;
        return new Written(runs, cycles, spinupCycles, loosePrior, scaleGrid, samplePrior, method,
                named ? source.key() : null, source == SampleSource.NMC ? nmcLeads : null,
                rounds > 0 ? rounds : null, rounds > 0 ? roundSamples.key() : null);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Written(int runs, int cycles, int spinupCycles, PluginConfig loosePrior, List<Double> scaleGrid,
                   PluginConfig samplePrior, PluginConfig method, String source, List<Integer> nmcLeads,
                   Integer rounds, String roundSamples) {
    }
}
