package org.vaevar.assimilation.experiment;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BiFunction;
import org.vaevar.api.plugin.BackgroundErrorSamples;

/**
 * NMC-style samples (Parrish &amp; Derber 1992) from a cycling run's analyses, no truth needed: at each window start
 * t_c after spin-up, the forecast of lead {@code shortLead} cycles from the analysis at t_c − shortLead and the
 * forecast of lead {@code longLead} from the analysis at t_c − longLead, both valid at t_c. The pair is stored as
 * (xb = long-lead forecast, "truth" = short-lead forecast), so the correction a prior learns is
 * δ = x_short − x_long: the change a newer forecast makes to an older one, a proxy of the background error whose
 * amplitude is not the background error's (the tuned scalar absorbs a global scale; docs/DESIGN.md §3).
 */
public final class NmcCollector implements CycleObserver {

    private final int spinupCycles;
    private final int shortLead;
    private final int longLead;
    private final BiFunction<double[], Integer, double[]> forecastCycles;
    /** The last {@code longLead} analyses at their window starts, newest first. */
    private final Deque<double[]> analyses = new ArrayDeque<>();
    private final List<double[]> backgrounds = new ArrayList<>();
    private final List<double[]> shortForecasts = new ArrayList<>();

    /**
     * @param forecastCycles the forecast of a state over a number of cycles (window starts)
     */
    public NmcCollector(int spinupCycles, int shortLead, int longLead,
                        BiFunction<double[], Integer, double[]> forecastCycles) {
        if (shortLead < 1 || longLead <= shortLead) {
            throw new IllegalArgumentException("NMC leads " + shortLead + ", " + longLead
                    + ": need 1 <= short < long");
        }
        this.spinupCycles = spinupCycles;
        this.shortLead = shortLead;
        this.longLead = longLead;
        this.forecastCycles = forecastCycles;
    }

    @Override
    public void cycle(Cycle cycle) {
        // Only the analyses are read: the truth of the cycle is never touched.
        if (cycle.index() >= spinupCycles && analyses.size() == longLead) {
            List<double[]> newestFirst = new ArrayList<>(analyses);
            shortForecasts.add(forecastCycles.apply(newestFirst.get(shortLead - 1), shortLead));
            backgrounds.add(forecastCycles.apply(newestFirst.get(longLead - 1), longLead));
        }
        analyses.addFirst(cycle.analysisStart().clone());
        if (analyses.size() > longLead) {
            analyses.removeLast();
        }
    }

    /** The samples so far, or {@code null} when none. */
    public BackgroundErrorSamples samples() {
        return backgrounds.isEmpty() ? null : new BackgroundErrorSamples(backgrounds.toArray(double[][]::new),
                shortForecasts.toArray(double[][]::new));
    }
}
