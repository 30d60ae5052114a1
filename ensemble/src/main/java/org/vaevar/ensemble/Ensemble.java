package org.vaevar.ensemble;

import org.vaevar.api.ObservationOperator;

/**
 * The N members of one run and the per-cycle arrays of its analysis, all allocated once: members x_k (rows),
 * their mean x̄ and anomalies A_k = x_k − x̄, the observed members H(x_k), the whitened observation anomalies
 * S_kj = (H(x_k) − ȳ)_j / σ_j and the whitened innovation d_j = (y − ȳ)_j / σ_j (ȳ the mean of the H(x_k)).
 */
final class Ensemble {

    final int size;
    final int dimension;
    final double[][] members;
    final double[][] anomalies;
    final double[] mean;
    final double[][] observed;
    final double[] observedMean;
    final double[][] s;
    final double[] d;
    private final double[] sums;
    private final double[] squares;

    Ensemble(int size, int dimension, int observations) {
        this.size = size;
        this.dimension = dimension;
        this.members = new double[size][dimension];
        this.anomalies = new double[size][dimension];
        this.mean = new double[dimension];
        this.observed = new double[size][observations];
        this.observedMean = new double[observations];
        this.s = new double[size][observations];
        this.d = new double[observations];
        this.sums = new double[dimension];
        this.squares = new double[dimension];
    }

    /** x̄ and A from the members. */
    void center() {
        centerRows(members, mean, anomalies);
    }

    /** H(x_k) through the (possibly nonlinear) operator, then S and d for the observation y. */
    void observe(ObservationOperator operator, double[] y, double[] inverseSigma) {
        for (int k = 0; k < size; k++) {
            operator.applyInto(members[k], observed[k]);
        }
        centerRows(observed, observedMean, s);
        for (double[] sk : s) {
            for (int j = 0; j < d.length; j++) {
                sk[j] *= inverseSigma[j];
            }
        }
        for (int j = 0; j < d.length; j++) {
            d[j] = (y[j] - observedMean[j]) * inverseSigma[j];
        }
    }

    /** x_k,i = x̄_i + Σ_j W_kj A_j,i for components i in [from, to), summed over j in order, row by row. */
    void update(double[][] weights, int from, int to) {
        for (int k = 0; k < size; k++) {
            double[] wk = weights[k];
            java.util.Arrays.fill(sums, from, to, 0);
            RowCombination.add(sums, from, to, wk, anomalies, 0, size);
            double[] xk = members[k];
            for (int i = from; i < to; i++) {
                xk[i] = mean[i] + sums[i];
            }
        }
    }

    /** √(mean over components of the member variance, N − 1 denominator). */
    double spread() {
        java.util.Arrays.fill(sums, 0);
        for (double[] x : members) {
            for (int i = 0; i < dimension; i++) {
                sums[i] += x[i];
            }
        }
        for (int i = 0; i < dimension; i++) {
            sums[i] /= size;
        }
        java.util.Arrays.fill(squares, 0);
        for (double[] x : members) {
            for (int i = 0; i < dimension; i++) {
                double e = x[i] - sums[i];
                squares[i] += e * e;
            }
        }
        double total = 0;
        for (int i = 0; i < dimension; i++) {
            total += squares[i] / (size - 1);
        }
        return Math.sqrt(total / dimension);
    }

    /** A new array with the member mean. */
    double[] meanOfMembers() {
        double[] m = new double[dimension];
        for (int k = 0; k < size; k++) {
            for (int i = 0; i < dimension; i++) {
                m[i] += members[k][i];
            }
        }
        for (int i = 0; i < dimension; i++) {
            m[i] /= size;
        }
        return m;
    }

    private static void centerRows(double[][] rows, double[] mean, double[][] centred) {
        int n = rows.length;
        java.util.Arrays.fill(mean, 0);
        for (double[] r : rows) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += r[i];
            }
        }
        for (int i = 0; i < mean.length; i++) {
            mean[i] /= n;
        }
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < mean.length; i++) {
                centred[k][i] = rows[k][i] - mean[i];
            }
        }
    }
}
