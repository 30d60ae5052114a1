package org.vaevar.assimilation.cost;

/**
 * The terms of J = Jb + Σ_k Jo,k at one control, as a DA engineer reads them first: with a consistent B and R
 * (and λ = 1), 2 Jo / m at the analysis stays below 1 and near 1 at the first guess for sparse networks; far
 * above 1 means the observations are given too little weight or the background errors are underestimated.
 *
 * @param jb           the background term Jb
 * @param jo           the observation term Σ_k Jo,k (+∞ where the trajectory overflowed)
 * @param observations m, the number of observations in the window
 */
public record CostBreakdown(double jb, double jo, int observations) {

    public double total() {
        return jb + jo;
    }

    /** Jo / m. */
    public double joPerObservation() {
        return jo / observations;
    }
}
