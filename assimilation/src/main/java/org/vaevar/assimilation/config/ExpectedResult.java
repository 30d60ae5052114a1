package org.vaevar.assimilation.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a preset is known to give: its mean analysis RMSE for its own seed, within a tolerance, checked by a test
 * over every preset that has one. {@code cycles} (0: the preset's own) lets a slow preset state a shorter run with
 * its own expected value.
 */
public record ExpectedResult(double rmse, double tolerance, int cycles) {

    public ExpectedResult {
        if (!(rmse > 0) || !Double.isFinite(rmse)) {
            throw new ConfigException("expected.rmse = " + rmse + ": must be positive and finite");
        }
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new ConfigException("expected.tolerance = " + tolerance + ": must be positive and finite");
        }
        if (cycles < 0) {
            throw new ConfigException("expected.cycles = " + cycles + ": must be non-negative (0: the preset's own)");
        }
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rmse", rmse);
        m.put("tolerance", tolerance);
        if (cycles > 0) {
            m.put("cycles", cycles);
        }
        return m;
    }
}
