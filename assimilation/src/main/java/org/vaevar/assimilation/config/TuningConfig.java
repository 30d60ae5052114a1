package org.vaevar.assimilation.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tunes one scalar parameter of the prior (the Gaussian's {@code inflation}, the VAE's {@code latentScale}) or of
 * the method ({@code method.inflation} of an ensemble) on a separate tuning seed before the evaluation run: each
 * grid value runs {@code cycles} cycles and the one with the lowest mean analysis RMSE after {@code spinupCycles}
 * is kept. Every method gets the same budget: the grid size. A bare name ({@code inflation}) is the prior's for a
 * variational method and the method's otherwise; a {@code null} parameter is the scalar the provider declares.
 */
public record TuningConfig(String parameter, List<Double> grid, int cycles, int spinupCycles) {

    public TuningConfig {
        if (parameter != null && parameter.isBlank()) {
            throw new ConfigException("tuning.parameter is blank: name a parameter or leave it out");
        }
        if (grid.isEmpty()) {
            throw new ConfigException("tuning.grid: must not be empty");
        }
        if (cycles <= spinupCycles || spinupCycles < 0) {
            throw new ConfigException("tuning.cycles = " + cycles + ": must exceed tuning.spinupCycles = "
                    + spinupCycles + " ≥ 0");
        }
        grid = List.copyOf(grid);
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (parameter != null) {
            m.put("parameter", parameter);
        }
        m.put("grid", grid);
        m.put("cycles", cycles);
        m.put("spinupCycles", spinupCycles);
        return m;
    }
}
