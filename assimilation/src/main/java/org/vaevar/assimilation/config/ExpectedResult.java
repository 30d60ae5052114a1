package org.vaevar.assimilation.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * What a preset is known to give: its mean analysis RMSE for its own seed, within a tolerance, checked by a test
 * over every preset that has one. {@code cycles} (0: the preset's own, and then not written) lets a slow preset
 * state a shorter run with its own expected value.
 */
public record ExpectedResult(double rmse, double tolerance,
                             @JsonInclude(JsonInclude.Include.NON_DEFAULT) int cycles) {

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

    /** From a config: rmse and tolerance are required. */
    @JsonCreator
    static ExpectedResult bind(@JsonProperty("rmse") Double rmse, @JsonProperty("tolerance") Double tolerance,
                               @JsonProperty("cycles") Integer cycles) {
        return new ExpectedResult(rmse != null ? rmse : Double.NaN, tolerance != null ? tolerance : Double.NaN,
                cycles != null ? cycles : 0);
    }

    Map<String, Object> toMap() {
        return ConfigBinding.tree(this);
    }
}
