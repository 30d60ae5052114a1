package org.vaevar.api.method;

/**
 * The terms of a variational cost J = Jb + Σ_k Jo,k at one control, as a DA engineer reads them first: with
 * consistent B and R (and an observation weight of 1), 2 Jo / m at the analysis stays below 1; far above 1 means
 * the observations are given too little weight or the background errors are underestimated.
 *
 * @param jb           the background term Jb
 * @param jo           the observation term Σ_k Jo,k (+∞ where the trajectory overflowed)
 * @param observations m, the number of observations in the window
 */
public record CostTerms(double jb, double jo, int observations) {

    /** No cost (a method that does not minimise). */
    public static final CostTerms NONE = new CostTerms(Double.NaN, Double.NaN, 0);

    public double total() {
        return jb + jo;
    }

    /** Jo / m (NaN without observations). */
    public double joPerObservation() {
        return observations == 0 ? Double.NaN : jo / observations;
    }
}
