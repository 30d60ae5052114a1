package org.vaevar.assimilation.cost;

import org.vaevar.api.Linearization;
import org.vaevar.api.ObservationError;
import org.vaevar.api.ObservationOperator;

/**
 * Jo,k, the observation term of one observation time: Jo,k(x) = λ ½ (H(x) − y)ᵀ R⁻¹ (H(x) − y), with its
 * adjoint forcing ∂Jo,k/∂x = λ H'ᵀ R⁻¹ (H(x) − y), which the backward sweep of {@link StrongConstraintCost}
 * carries to the window start.
 */
public final class ObservationTerm {

    private final ObservationOperator operator;
    private final ObservationError error;
    private final double[] y;
    private final double weight;

    /** @param weight λ, the weight of the observation term (1 for the textbook cost) */
    public ObservationTerm(ObservationOperator operator, ObservationError error, double[] y, double weight) {
        this.operator = operator;
        this.error = error;
        this.y = y;
        this.weight = weight;
    }

    /** m_k, the number of observations in this term. */
    public int count() {
        return y.length;
    }

    public double value(double[] x) {
        return weight * error.halfMahalanobis(misfit(operator.apply(x)));
    }

    /** Jo,k(x), and the forcing λ H'ᵀ R⁻¹ (H(x) − y) written to {@code forcing[0]}. */
    public double valueAndForcing(double[] x, double[][] forcing) {
        Linearization h = operator.linearize(x);
        double[] d = misfit(h.value());
        double value = weight * error.halfMahalanobis(d);
        double[] rInvD = error.applyInverse(d);
        for (int i = 0; i < rInvD.length; i++) {
            rInvD[i] *= weight;
        }
        forcing[0] = h.applyAdjoint(rInvD);
        return value;
    }

    /** H(x) − y. */
    private double[] misfit(double[] hx) {
        double[] d = new double[y.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = hx[i] - y[i];
        }
        return d;
    }
}
