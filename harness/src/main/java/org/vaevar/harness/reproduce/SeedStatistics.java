package org.vaevar.harness.reproduce;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Mean of a statistic over independent seeds with a two-sided 95 % Student-t interval: half-width
 * t_{0.975, N−1} · s / √N, s the sample standard deviation (N − 1 in the denominator). The seeds are independent
 * twin runs (own truth, observations and first background), so the per-seed means are independent draws.
 *
 * @param n          number of values
 * @param mean       their mean
 * @param sd         sample standard deviation (NaN for n = 1)
 * @param halfWidth95 half-width of the 95 % interval (NaN for n = 1: one seed has no interval)
 */
public record SeedStatistics(int n, double mean, double sd, double halfWidth95) {

    /** The statistics of {@code values}; every value must be finite (a diverged seed is not a number to average). */
    public static SeedStatistics of(double[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("values = " + (values == null ? "null" : "[]")
                    + ": need at least one seed");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("values[" + i + "] = " + values[i] + ": must be finite");
            }
        }
        int n = values.length;
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        if (n == 1) {
            return new SeedStatistics(1, mean, Double.NaN, Double.NaN);
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        return new SeedStatistics(n, mean, sd, tQuantile975(n - 1) * sd / Math.sqrt(n));
    }

    /** t_{0.975, df}, the 97.5 % quantile of Student's t with {@code df} degrees of freedom. */
    public static double tQuantile975(int df) {
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom = " + df + ": must be at least 1");
        }
        // No random generator: the distribution is only used for its quantile function.
        return new TDistribution(null, df).inverseCumulativeProbability(0.975);
    }
}
