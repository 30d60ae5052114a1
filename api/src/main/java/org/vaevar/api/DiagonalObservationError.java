package org.vaevar.api;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.vaevar.api.util.Checks;

/** R = diag(σ_i²): independent observation errors. */
public final class DiagonalObservationError implements ObservationError {

    private final double[] variances;
    private final double[] inverseVariances;
    private final double[] standardDeviations;

    private DiagonalObservationError(double[] variances) {
        this.variances = variances.clone();
        this.inverseVariances = new double[variances.length];
        this.standardDeviations = new double[variances.length];
        for (int i = 0; i < variances.length; i++) {
            double v = variances[i];
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("observation error variance[" + i + "] = " + v
                        + ": must be positive and finite");
            }
            inverseVariances[i] = 1.0 / v;
            standardDeviations[i] = Math.sqrt(v);
        }
    }

    /** R = σ² I with m entries. */
    public static DiagonalObservationError ofStandardDeviation(double sigma, int m) {
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("observation noise standard deviation = " + sigma
                    + ": must be positive and finite");
        }
        Checks.positive("observation dimension", m);
        double[] v = new double[m];
        Arrays.fill(v, sigma * sigma);
        return new DiagonalObservationError(v);
    }

    /** R = diag(variances). */
    public static DiagonalObservationError ofVariances(double... variances) {
        if (variances.length == 0) {
            throw new IllegalArgumentException("observation error variances: must not be empty");
        }
        return new DiagonalObservationError(variances);
    }

    @Override
    public int dimension() {
        return variances.length;
    }

    public double variance(int i) {
        return variances[i];
    }

    @Override
    public double[] applyInverse(double[] d) {
        Checks.dimension("misfit", d, variances.length);
        double[] out = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = d[i] * inverseVariances[i];
        }
        return out;
    }

    @Override
    public double halfMahalanobis(double[] d) {
        Checks.dimension("misfit", d, variances.length);
        double s = 0;
        for (int i = 0; i < d.length; i++) {
            s += d[i] * d[i] * inverseVariances[i];
        }
        return 0.5 * s;
    }

    @Override
    public double[] sample(RandomGenerator random) {
        double[] e = new double[variances.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = standardDeviations[i] * random.nextGaussian();
        }
        return e;
    }
}
