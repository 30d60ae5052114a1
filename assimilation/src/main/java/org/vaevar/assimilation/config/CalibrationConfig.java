package org.vaevar.assimilation.config;

import java.util.LinkedHashMap;
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
 * @param samplePrior the prior estimated from the loose run's errors whose scale is tuned (step 2): e.g. a
 *                    localised sample B where the plain sample covariance is rank-deficient
 * @param method      the method whose background errors are the samples, or {@code null} for the tuned 3D-Var
 */
public record CalibrationConfig(int runs, int cycles, int spinupCycles, PluginConfig loosePrior,
                                List<Double> scaleGrid, PluginConfig samplePrior, PluginConfig method) {

    /** The default of {@code samplePrior}: the Gaussian prior with the sample covariance of the loose run's errors. */
    public static final PluginConfig SAMPLE_PRIOR = PluginConfig.of("gaussian", "covariance", "samples");

    public static CalibrationConfig defaults() {
        return new CalibrationConfig(2, 1000, 100,
                PluginConfig.of("gaussian", "covariance", "climatology", "inflation", 0.1),
                List.of(0.25, 0.5, 1.0, 2.0, 4.0), SAMPLE_PRIOR, null);
    }

    public CalibrationConfig(int runs, int cycles, int spinupCycles, PluginConfig loosePrior,
                             List<Double> scaleGrid) {
        this(runs, cycles, spinupCycles, loosePrior, scaleGrid, SAMPLE_PRIOR, null);
    }

    public CalibrationConfig withMethod(PluginConfig m) {
        return new CalibrationConfig(runs, cycles, spinupCycles, loosePrior, scaleGrid, samplePrior, m);
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
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runs", runs);
        m.put("cycles", cycles);
        m.put("spinupCycles", spinupCycles);
        m.put("loosePrior", loosePrior.toMap());
        m.put("scaleGrid", scaleGrid);
        m.put("samplePrior", samplePrior.toMap());
        if (method != null) {
            m.put("method", method.toMap());
        }
        return m;
    }
}
