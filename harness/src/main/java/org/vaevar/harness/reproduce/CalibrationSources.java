package org.vaevar.harness.reproduce;

import java.util.List;
import org.vaevar.assimilation.config.CalibrationConfig;
import org.vaevar.assimilation.config.PluginConfig;
import org.vaevar.assimilation.config.SampleSource;

/**
 * The sample sources a mode's priors choose between ({@code calibration.sources}): every prior that learns from
 * samples has one candidate per source, tuned on the tuning seeds with the same budget, so no prior is judged on a
 * source that suits another. A source is a {@link SampleSource} key ({@code 3dvar}, {@code window}, {@code nmc}) or
 * {@link #ENSEMBLE}: the setting's ensemble reference method with the fixed inflation {@code ensembleInflation}.
 *
 * @param names             in file order, at least one, none twice
 * @param ensembleInflation the inflation of the ensemble whose forecast-mean errors {@code ensemble} samples
 */
record CalibrationSources(List<String> names, double ensembleInflation) {

    /** The source made by the setting's ensemble reference method. */
    static final String ENSEMBLE = "ensemble";
    /** Every name a source may have, in the order messages list them. */
    static final List<String> KNOWN = List.of(SampleSource.THREE_D_VAR.key(), SampleSource.WINDOW.key(),
            SampleSource.NMC.key(), ENSEMBLE);
    /** The ensemble's inflation when the file gives none (DAPPER's ETKF N 10 optimum on Lorenz 63). */
    static final double DEFAULT_ENSEMBLE_INFLATION = 1.02;

    CalibrationSources {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("sources = []: needs at least one");
        }
        if (!(ensembleInflation > 0) || !Double.isFinite(ensembleInflation)) {
            throw new IllegalArgumentException("ensembleInflation = " + ensembleInflation
                    + ": must be positive and finite");
        }
    }

    /** One source. */
    static CalibrationSources single(String name) {
        return new CalibrationSources(List.of(name), DEFAULT_ENSEMBLE_INFLATION);
    }

    /** Whether the priors choose between sources (only then do labels and work-item keys name them). */
    boolean several() {
        return names.size() > 1;
    }

    /** The first source: the calibration of a setting's shared config (and of the methods that use no samples). */
    String first() {
        return names.get(0);
    }

    /**
     * The calibration of source {@code name}: {@code base} with that source, or for {@code ensemble} with {@code
     * calibration.method} the ensemble reference's method section at {@code ensembleInflation}.
     */
    CalibrationConfig of(String name, CalibrationConfig base, PluginConfig ensembleMethod) {
        if (name.equals(ENSEMBLE)) {
            return base.withMethod(ensembleMethod.with("inflation", ensembleInflation));
        }
        return base.withSource(SampleSource.of(name));
    }
}
