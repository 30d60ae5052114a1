package org.vaevar.harness.reproduce;

import java.util.List;
import org.vaevar.assimilation.config.CalibrationConfig;
import org.vaevar.assimilation.config.ConfigException;
import org.vaevar.assimilation.config.TuningConfig;

/**
 * How long everything runs in one mode, for a method of window 1 (3D-Var). A method with window K runs
 * {@code cycles / K} cycles (and {@code spinup / K} spin-up cycles) so that every method covers the same model
 * time and the same observations, in tuning as in evaluation.
 *
 * @param evaluationCycles   cycles of each evaluation run (per seed)
 * @param evaluationSpinup   of which left out of the averages
 * @param tuningCycles       cycles of each tuning run (one per grid value, on the tuning seed)
 * @param tuningSpinup       of which left out
 * @param tuningGrid         the values tried for every variational method's own scalar (inflation, latentScale):
 *                           the same grid, hence the same budget, for every method
 * @param ensembleGrid       the inflations tried for the ensemble reference: as many values as {@code tuningGrid}
 * @param calibration        the calibration protocol giving the background-error samples (shared by all methods)
 * @param climatologySamples states of the free run behind the calibration's loose climatological B
 */
public record Schedule(int evaluationCycles, int evaluationSpinup, int tuningCycles, int tuningSpinup,
                       List<Double> tuningGrid, List<Double> ensembleGrid, CalibrationConfig calibration,
                       int climatologySamples) {

    public Schedule {
        tuningGrid = List.copyOf(tuningGrid);
        if (tuningGrid.isEmpty() || tuningGrid.stream().anyMatch(v -> !(v > 0) || !Double.isFinite(v))) {
            throw new ConfigException("tuningGrid = " + tuningGrid + ": must be positive finite numbers");
        }
        ensembleGrid = List.copyOf(ensembleGrid);
        if (ensembleGrid.stream().anyMatch(v -> !(v > 0) || !Double.isFinite(v))) {
            throw new ConfigException("ensembleGrid = " + ensembleGrid + ": must be positive finite numbers");
        }
        if (ensembleGrid.size() != tuningGrid.size()) {
            throw new ConfigException("ensembleGrid = " + ensembleGrid + ": must have as many values as tuningGrid "
                    + tuningGrid + " (the same tuning budget)");
        }
        // The longest window in the grid is 3: its runs must still have cycles after spin-up.
        if (evaluationCycles / 3 <= evaluationSpinup / 3 || evaluationSpinup < 0) {
            throw new ConfigException("evaluationCycles = " + evaluationCycles + ", evaluationSpinup = "
                    + evaluationSpinup + ": a window-3 run needs cycles after spin-up");
        }
        if (tuningCycles / 3 <= tuningSpinup / 3 || tuningSpinup < 0) {
            throw new ConfigException("tuningCycles = " + tuningCycles + ", tuningSpinup = " + tuningSpinup
                    + ": a window-3 run needs cycles after spin-up");
        }
    }

    /** Evaluation cycles of a method with window K: the same model time as 3D-Var's. */
    public int cycles(int window) {
        return evaluationCycles / window;
    }

    public int spinup(int window) {
        return evaluationSpinup / window;
    }

    /** The tuning of {@code parameter} for a method with window K (same model time, same grid). */
    public TuningConfig tuning(String parameter, int window) {
        return tuning(parameter, window, 1.0);
    }

    /** As {@link #tuning(String, int)} with every grid value multiplied by {@code gridScale} (same grid size). */
    public TuningConfig tuning(String parameter, int window, double gridScale) {
        // Decimal product, so 0.35 · 0.1 is 0.035 and not 0.034999999999999996 in the tables.
        List<Double> grid = gridScale == 1.0 ? tuningGrid : tuningGrid.stream()
                .map(v -> java.math.BigDecimal.valueOf(v).multiply(java.math.BigDecimal.valueOf(gridScale))
                        .doubleValue()).toList();
        return new TuningConfig(parameter, grid, tuningCycles / window, tuningSpinup / window);
    }

    /** The tuning of the ensemble reference's {@code parameter} (window 1) over {@link #ensembleGrid()}. */
    public TuningConfig ensembleTuning(String parameter) {
        return new TuningConfig(parameter, ensembleGrid, tuningCycles, tuningSpinup);
    }
}
