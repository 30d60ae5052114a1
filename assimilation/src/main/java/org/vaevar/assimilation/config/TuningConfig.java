package org.vaevar.assimilation.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tunes one scalar parameter of the prior (the Gaussian's {@code inflation}, the VAE's {@code latentScale}) or of
 * the method ({@code method.inflation} of an ensemble) on separate tuning seeds before the evaluation run: each
 * value tried runs {@code cycles} cycles on each of the {@code seeds} tuning seeds, its score is the mean over the
 * seeds of the mean analysis RMSE after {@code spinupCycles} (+∞ if it diverged on any), and the lowest score is
 * kept. {@code search} says which values are tried: {@code grid}, every value of {@code grid}; {@code adaptive},
 * the log-scale search (docs/DESIGN.md §3, tuning) from {@code grid} as coarse grid with {@code budget}
 * evaluations, extending at most a factor {@code rangeFactor} beyond it. A bare name ({@code inflation}) is the
 * prior's for a variational method and the method's otherwise; a {@code null} parameter is the scalar the provider
 * declares.
 *
 * @param budget the evaluations in all: the grid size for the grid search
 */
public record TuningConfig(String parameter, List<Double> grid, int cycles, int spinupCycles, Search search,
                           int budget, int seeds, double rangeFactor) {

    /** How the values to try are chosen. */
    public enum Search {
        GRID, ADAPTIVE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The search named {@code id}, naming {@code field} if there is none. */
        public static Search of(String field, String id) {
            for (Search s : values()) {
                if (s.id().equals(id)) {
                    return s;
                }
            }
            throw new ConfigException(field + " = " + id + ": must be grid or adaptive");
        }

        @JsonCreator
        static Search fromConfig(String id) {
            return of("tuning.search", id);
        }
    }

    /** The hard range of the adaptive search: a factor 1000 either way of the coarse grid. */
    public static final double DEFAULT_RANGE_FACTOR = 1e3;

    /** The default run length of each value tried, and its spin-up. */
    public static final int DEFAULT_CYCLES = 500;
    public static final int DEFAULT_SPINUP_CYCLES = 100;

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
        if (search == null) {
            search = Search.GRID;
        }
        if (seeds < 1) {
            throw new ConfigException("tuning.seeds = " + seeds + ": must be at least 1");
        }
        if (search == Search.GRID) {
            if (budget != 0 && budget != grid.size()) {
                throw new ConfigException("tuning.budget = " + budget + ": the grid search evaluates the "
                        + grid.size() + " values of tuning.grid; set tuning.search = adaptive to choose a budget");
            }
            budget = grid.size();
        } else {
            checkAdaptive(grid, budget, rangeFactor);
        }
    }

    /** The grid search over {@code grid} on one tuning seed. */
    public TuningConfig(String parameter, List<Double> grid, int cycles, int spinupCycles) {
        this(parameter, grid, cycles, spinupCycles, Search.GRID, 0, 1, DEFAULT_RANGE_FACTOR);
    }

    private static void checkAdaptive(List<Double> grid, int budget, double rangeFactor) {
        if (grid.size() < 2) {
            throw new ConfigException("tuning.grid = " + grid + ": the adaptive search needs a coarse grid of at "
                    + "least two values (its step sets the extension step)");
        }
        for (int i = 0; i < grid.size(); i++) {
            if (!(grid.get(i) > 0)) {
                throw new ConfigException("tuning.grid = " + grid + ": must be positive for the adaptive search "
                        + "(it searches on log(value))");
            }
            if (i > 0 && !(grid.get(i) > grid.get(i - 1))) {
                throw new ConfigException("tuning.grid = " + grid + ": must be strictly increasing for the adaptive"
                        + " search");
            }
        }
        if (budget == 0) {
            throw new ConfigException("tuning.budget: required with tuning.search = adaptive (the evaluations in "
                    + "all, at least the " + grid.size() + " values of tuning.grid)");
        }
        if (budget < grid.size()) {
            throw new ConfigException("tuning.budget = " + budget + ": must be at least the " + grid.size()
                    + " values of the coarse grid tuning.grid");
        }
        if (!(rangeFactor >= 1) || !Double.isFinite(rangeFactor)) {
            throw new ConfigException("tuning.rangeFactor = " + rangeFactor + ": must be finite and at least 1");
        }
    }

    public boolean adaptive() {
        return search == Search.ADAPTIVE;
    }

    /** The same tuning with another search, budget and number of seeds. */
    public TuningConfig with(Search search, int budget, int seeds) {
        return new TuningConfig(parameter, grid, cycles, spinupCycles, search, budget, seeds, rangeFactor);
    }

    /** From a config: {@code grid} is required; every other field has its default. */
    @JsonCreator
    static TuningConfig bind(@JsonProperty("parameter") String parameter,
                             @JsonProperty("grid") @JsonDeserialize(using = StrictValues.Reals.class)
                             List<Double> grid,
                             @JsonProperty("cycles") Integer cycles, @JsonProperty("spinupCycles") Integer spinupCycles,
                             @JsonProperty("search") Search search, @JsonProperty("budget") Integer budget,
                             @JsonProperty("seeds") Integer seeds, @JsonProperty("rangeFactor") Double rangeFactor) {
        return new TuningConfig(parameter, grid != null ? grid : List.of(),
                cycles != null ? cycles : DEFAULT_CYCLES, spinupCycles != null ? spinupCycles : DEFAULT_SPINUP_CYCLES,
                search, budget != null ? budget : 0, seeds != null ? seeds : 1,
                rangeFactor != null ? rangeFactor : DEFAULT_RANGE_FACTOR);
    }

    Map<String, Object> toMap() {
        return ConfigBinding.tree(this);
    }

    /**
     * As JSON holds it: the defaults (grid search, one seed) are left out so that configs written before them read
     * and hash the same.
     */
    @JsonValue
    Written written() {
        return new Written(parameter, grid, cycles, spinupCycles, adaptive() ? search.id() : null,
                adaptive() ? budget : null, adaptive() ? rangeFactor : null, seeds != 1 ? seeds : null);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Written(String parameter, List<Double> grid, int cycles, int spinupCycles, String search, Integer budget,
                   Double rangeFactor, Integer seeds) {
    }
}
