package org.vaevar.harness.reproduce;

/**
 * One evaluation run of a method on one held-out seed.
 *
 * @param index          seed index i (run seed {@code Seeds.derive(master, "evaluation/" + i)})
 * @param runSeed        the run seed
 * @param cycles         cycles run (those of the window; fewer if the run diverged)
 * @param rmseAnalysis   mean analysis RMSE after spin-up (NaN if diverged)
 * @param rmseBackground mean background RMSE after spin-up (NaN if diverged)
 * @param msPerCycle     wall-clock milliseconds per cycle (NaN if diverged)
 * @param divergedCycle  the cycle at which the run diverged, −1 if it did not
 * @param divergence     the divergence message, or {@code null}
 * @param notConverged   the share of cycles whose minimisation stopped without converging (NaN when the method
 *                       does not minimise or it is not known)
 */
public record SeedRun(int index, long runSeed, int cycles, double rmseAnalysis, double rmseBackground,
                      double msPerCycle, int divergedCycle, String divergence, double notConverged) {

    public SeedRun(int index, long runSeed, int cycles, double rmseAnalysis, double rmseBackground,
                   double msPerCycle, int divergedCycle, String divergence) {
        this(index, runSeed, cycles, rmseAnalysis, rmseBackground, msPerCycle, divergedCycle, divergence,
                Double.NaN);
    }

    public boolean diverged() {
        return divergedCycle >= 0;
    }

    static SeedRun diverged(int index, long runSeed, int cycles, int cycle, String message) {
        return new SeedRun(index, runSeed, cycles, Double.NaN, Double.NaN, Double.NaN, Math.max(0, cycle), message);
    }
}
