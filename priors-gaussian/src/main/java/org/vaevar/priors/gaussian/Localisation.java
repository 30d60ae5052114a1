package org.vaevar.priors.gaussian;

import static org.vaevar.priors.gaussian.GaussianPriorProvider.AUTO;
import static org.vaevar.priors.gaussian.GaussianPriorProvider.CLIMATOLOGY;
import static org.vaevar.priors.gaussian.GaussianPriorProvider.COVARIANCE;
import static org.vaevar.priors.gaussian.GaussianPriorProvider.LOCALISATION;
import static org.vaevar.priors.gaussian.GaussianPriorProvider.LOCALISATION_METHOD;
import static org.vaevar.priors.gaussian.GaussianPriorProvider.SAMPLES;

import org.vaevar.api.plugin.InvalidParameterException;
import org.vaevar.api.plugin.Parameters;

/**
 * The localised sample B of the {@code gaussian} prior: checking the half-width, and the modulated-ensemble build
 * for large n (the dense build is ρ ∘ S in {@link GaspariCohn#localiseInPlace}, then the usual eigen square root).
 */
final class Localisation {

    private Localisation() {
    }

    /** The checked half-width: 0 for none; only for sample covariances; at most n/4 (the taper must fit the ring). */
    static double halfWidth(Parameters parameters, String kind, int n) {
        double c = parameters.real(LOCALISATION);
        if (c == 0) {
            if (!AUTO.equals(parameters.text(LOCALISATION_METHOD))) {
                throw new InvalidParameterException(GaussianPrior.NAME, LOCALISATION_METHOD,
                        parameters.text(LOCALISATION_METHOD), "needs " + LOCALISATION + " > 0");
            }
            return 0;
        }
        if (!SAMPLES.equals(kind) && !CLIMATOLOGY.equals(kind)) {
            throw new InvalidParameterException(GaussianPrior.NAME, LOCALISATION, c,
                    "applies to covariance = samples or climatology, not " + kind);
        }
        if (c > n / 4.0) {
            throw new InvalidParameterException(GaussianPrior.NAME, LOCALISATION, c, "must be at most n/4 = "
                    + n / 4.0 + " grid points: the taper's support 2c must fit half of the ring of n = " + n);
        }
        return c;
    }

    /** B = ρ ∘ S + r·(tr S / n)·I as a modulated ensemble of the deviations of {@code rows} from their mean. */
    static GaussianPrior modulatedPrior(String description, String kind, double[][] rows, int n,
                                         double localisation, double regularization, double inflation,
                                         double[] mu) {
        String what = SAMPLES.equals(kind) ? "background-error" : "climatology";
        double[] mean = CovarianceEstimates.mean(what, rows); // checks rows: finite, n entries, at least one
        if (rows.length < 2) {
            throw new IllegalArgumentException(what + ": 1 sample; at least 2 needed");
        }
        double[][] deviations = new double[rows.length][n];
        double sumSquares = 0;
        for (int k = 0; k < rows.length; k++) {
            for (int i = 0; i < n; i++) {
                double d = rows[k][i] - mean[i];
                deviations[k][i] = d;
                sumSquares += d * d;
            }
        }
        double meanVariance = sumSquares / ((double) (rows.length - 1) * n); // tr(ρ ∘ S)/n = tr(S)/n
        if (!(meanVariance > 0)) {
            throw new InvalidParameterException(GaussianPrior.NAME, COVARIANCE, kind,
                    "the estimated covariance is zero (all samples are equal)");
        }
        return GaussianPrior.modulated(description, deviations, GaspariCohn.ringEigenvalues(n, localisation),
                regularization * meanVariance, inflation, mu);
    }
}
