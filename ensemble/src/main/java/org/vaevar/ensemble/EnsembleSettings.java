package org.vaevar.ensemble;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vaevar.api.plugin.Parameter;
import org.vaevar.api.plugin.Parameters;

/**
 * What every ensemble method takes: N members, a multiplicative inflation ρ of the analysis anomalies (applied
 * after the update, as DAPPER does: x_k ← x̄ᵃ + ρ (x_k − x̄ᵃ)), and an optional random mean-preserving rotation of
 * the analysis anomalies each cycle.
 */
record EnsembleSettings(int size, double inflation, boolean rotation) {

    static final String SIZE = "size";
    static final String INFLATION = "inflation";
    static final String ROTATION = "rotation";

    static Parameter<?>[] parameters(int defaultSize) {
        return new Parameter<?>[] {
            Parameter.integer(SIZE, defaultSize, "ensemble size N").atLeast(2),
            Parameter.real(INFLATION, 1.0, "multiplicative inflation of the analysis anomalies (1 = none)")
                    .positive(),
            Parameter.flag(ROTATION, false, "rotate the analysis anomalies by a random mean-preserving orthogonal "
                    + "matrix each cycle"),
        };
    }

    static EnsembleSettings from(Parameters p) {
        return new EnsembleSettings(p.integer(SIZE), p.real(INFLATION), p.flag(ROTATION));
    }

    /** True when the analysis needs post-processing (inflation ≠ 1 or rotation). */
    boolean reshapes() {
        return inflation != 1.0 || rotation;
    }

    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(SIZE, size);
        m.put(INFLATION, inflation);
        m.put(ROTATION, rotation);
        return m;
    }
}
