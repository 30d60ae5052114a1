package org.vaevar.ensemble;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.vaevar.api.DiagonalObservationError;
import org.vaevar.api.ObservationOperator;

/**
 * The Kalman update of a Gaussian with the ensemble's own mean x̄ and covariance P = AᵀA/(N−1) under a linear H,
 * in state space with dense matrices: K = P Hᵀ (H P Hᵀ + R)⁻¹, x̄ᵃ = x̄ + K (y − H x̄), Pᵃ = (I − K H) P. An
 * independent check of the ensemble-space algebra.
 */
final class KalmanReference {

    final RealVector mean;
    final RealMatrix covariance;
    final RealMatrix gain;
    final RealMatrix r;

    KalmanReference(double[][] members, ObservationOperator h, DiagonalObservationError error, double[] y) {
        int size = members.length;
        int n = members[0].length;
        RealVector xbar = meanOf(members);
        RealMatrix p = covarianceOf(members);
        int m = h.observationDimension();
        RealMatrix hm = new Array2DRowRealMatrix(m, n);
        for (int i = 0; i < n; i++) {
            double[] unit = new double[n];
            unit[i] = 1;
            double[] col = h.apply(unit);
            for (int j = 0; j < m; j++) {
                hm.setEntry(j, i, col[j]);
            }
        }
        r = new Array2DRowRealMatrix(m, m);
        for (int j = 0; j < m; j++) {
            r.setEntry(j, j, error.variance(j));
        }
        RealMatrix s = hm.multiply(p).multiply(hm.transpose()).add(r);
        gain = p.multiply(hm.transpose()).multiply(new LUDecomposition(s).getSolver().getInverse());
        mean = xbar.add(gain.operate(new ArrayRealVector(y).subtract(hm.operate(xbar))));
        covariance = MatrixHelp.identity(n).subtract(gain.multiply(hm)).multiply(p);
        assert size > 1;
    }

    static RealVector meanOf(double[][] members) {
        RealVector m = new ArrayRealVector(members[0].length);
        for (double[] x : members) {
            m = m.add(new ArrayRealVector(x));
        }
        return m.mapDivide(members.length);
    }

    static RealMatrix covarianceOf(double[][] members) {
        int n = members[0].length;
        RealVector mean = meanOf(members);
        RealMatrix c = new Array2DRowRealMatrix(n, n);
        for (double[] x : members) {
            RealVector a = new ArrayRealVector(x).subtract(mean);
            c = c.add(a.outerProduct(a));
        }
        return c.scalarMultiply(1.0 / (members.length - 1));
    }

    static final class MatrixHelp {
        static RealMatrix identity(int n) {
            return org.apache.commons.math3.linear.MatrixUtils.createRealIdentityMatrix(n);
        }
    }
}
