package org.vaevar.harness.reproduce;

import java.util.List;
import org.vaevar.assimilation.config.CalibrationConfig;
import org.vaevar.assimilation.config.ConfigException;
import org.vaevar.assimilation.config.PluginConfig;
import org.vaevar.assimilation.config.TuningConfig;

/**
 * How long everything runs in one mode, for a method of window 1 (3D-Var). A method with window K runs
 * {@code cycles / K} cycles (and {@code spinup / K} spin-up cycles) so that every method covers the same model
 * time and the same observations, in tuning as in evaluation.
 *
 * @param evaluationCycles   cycles of each evaluation run (per seed)
 * @param evaluationSpinup   of which left out of the averages
 * @param tuningCycles       cycles of each tuning run (one per value tried and tuning seed)
 * @param tuningSpinup       of which left out
 * @param tuningGrid         the values first tried for every variational method's own scalar (inflation,
 *                           latentScale): the grid of the grid search, the coarse grid of the adaptive one
 * @param ensembleGrid       the inflations tried by a grid search for the ensemble reference: as many values as
 *                           {@code tuningBudget}
 * @param tuningSearch       how the variational methods' values are chosen
 * @param tuningBudget       evaluations per tuned candidate, the same for every method (the grid size for the grid
 *                           search)
 * @param tuningSeeds        tuning seeds averaged in each evaluation's score
 * @param calibration        the calibration protocol giving the background-error samples (shared by all methods)
 * @param climatologySamples states of the free run behind the calibration's loose climatological B
 * @param sources            the sample sources every sample-based prior chooses between; {@code calibration} has
 *                           the first (for {@code ensemble}: the file's own source, the setting's method is added
 *                           per setting by {@link #calibration(String, PluginConfig)})
 */
public record Schedule(int evaluationCycles, int evaluationSpinup, int tuningCycles, int tuningSpinup,
                       List<Double> tuningGrid, List<Double> ensembleGrid, TuningConfig.Search tuningSearch,
                       int tuningBudget, int tuningSeeds, CalibrationConfig calibration, int climatologySamples,
                       CalibrationSources sources) {

    public Schedule {
        java.util.Objects.requireNonNull(sources, "sources");
        tuningGrid = List.copyOf(tuningGrid);
        if (tuningGrid.isEmpty() || tuningGrid.stream().anyMatch(v -> !(v > 0) || !Double.isFinite(v))) {
            throw new ConfigException("tuningGrid = " + tuningGrid + ": must be positive finite numbers");
        }
        ensembleGrid = List.copyOf(ensembleGrid);
        if (ensembleGrid.stream().anyMatch(v -> !(v > 0) || !Double.isFinite(v))) {
            throw new ConfigException("ensembleGrid = " + ensembleGrid + ": must be positive finite numbers");
        }
        // Checks the search, budget and seeds as a config's tuning section would be.
        new TuningConfig(null, tuningGrid, tuningCycles, tuningSpinup, tuningSearch, tuningBudget, tuningSeeds,
                TuningConfig.DEFAULT_RANGE_FACTOR);
        if (tuningSearch == TuningConfig.Search.GRID) {
            tuningBudget = tuningGrid.size();
        }
        if (ensembleGrid.size() != tuningBudget) {
            throw new ConfigException("ensembleGrid = " + ensembleGrid + ": must have as many values as the "
                    + "tuning budget " + tuningBudget + " (the same budget for every method)");
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

    /** This schedule with other sample sources (the first source's calibration becomes {@link #calibration()}). */
    public Schedule withSources(CalibrationSources s) {
        CalibrationConfig c = s.first().equals(CalibrationSources.ENSEMBLE) ? calibration
                : calibration.withSource(org.vaevar.assimilation.config.SampleSource.of(s.first()));
        return new Schedule(evaluationCycles, evaluationSpinup, tuningCycles, tuningSpinup, tuningGrid, ensembleGrid,
                tuningSearch, tuningBudget, tuningSeeds, c, climatologySamples, s);
    }

    /** The calibration of sample source {@code source} in a setting whose ensemble reference is {@code ensemble}. */
    public CalibrationConfig calibration(String source, PluginConfig ensemble) {
        return sources.of(source, calibration, ensemble);
    }

    /** Evaluation cycles of a method with window K: the same model time as 3D-Var's. */
    public int cycles(int window) {
        return evaluationCycles / window;
    }

    public int spinup(int window) {
        return evaluationSpinup / window;
    }

    /** The tuning of {@code parameter} for a method with window K (same model time, same search and budget). */
    public TuningConfig tuning(String parameter, int window) {
        return tuning(parameter, window, 1.0);
    }

    /** As {@link #tuning(String, int)} with every grid value multiplied by {@code gridScale} (same budget). */
    public TuningConfig tuning(String parameter, int window, double gridScale) {
        // Decimal product, so 0.35 · 0.1 is 0.035 and not 0.034999999999999996 in the tables.
        List<Double> grid = gridScale == 1.0 ? tuningGrid : tuningGrid.stream()
                .map(v -> java.math.BigDecimal.valueOf(v).multiply(java.math.BigDecimal.valueOf(gridScale))
                        .doubleValue()).toList();
        return new TuningConfig(parameter, grid, tuningCycles / window, tuningSpinup / window, tuningSearch,
                tuningBudget, tuningSeeds, TuningConfig.DEFAULT_RANGE_FACTOR);
    }

    /**
     * The tuning of the ensemble reference's {@code parameter} (window 1): a grid search over {@link
     * #ensembleGrid()}, as many evaluations as the variational methods' budget, on the same tuning seeds.
     */
    public TuningConfig ensembleTuning(String parameter) {
        return new TuningConfig(parameter, ensembleGrid, tuningCycles, tuningSpinup, TuningConfig.Search.GRID, 0,
                tuningSeeds, TuningConfig.DEFAULT_RANGE_FACTOR);
    }
}
