package org.vaevar.observations;

import java.util.Objects;
import org.vaevar.api.Linearization;
import org.vaevar.api.LocatedObservations;
import org.vaevar.api.ObservationOperator;
import org.vaevar.api.util.Checks;

/**
 * H(x)_j = h(x[index(j)]) for a scalar function h applied to selected components. The Jacobian is a selection
 * scaled by h'(x_i): the tangent-linear gathers dy_j = h'(x[index(j)]) · dx[index(j)], the adjoint scatters
 * dx[index(j)] = h'(x[index(j)]) · dy_j (no index repeats, so the scatter never accumulates).
 *
 * <p>States are checked for their dimension only: a non-finite state (an overshooting line-search step through
 * an unstable model) yields non-finite observations, so the caller sees a non-finite cost and can back off;
 * refusing blown-up states is the experiment's job, where they arise.
 */
public abstract class ComponentwiseObservationOperator implements ObservationOperator, LocatedObservations {

    private final ComponentSelection selection;
    private final int[] indices;

    protected ComponentwiseObservationOperator(ComponentSelection selection) {
        this.selection = Objects.requireNonNull(selection, "selection");
        this.indices = selection.indices();
    }

    /** h(s). */
    protected abstract double value(double s);

    /** h'(s). */
    protected abstract double slope(double s);

    public final ComponentSelection selection() {
        return selection;
    }

    /** Observation j is taken at the grid point of component index(j). */
    @Override
    public final int location(int observation) {
        return indices[observation];
    }

    @Override
    public final int inputDimension() {
        return selection.stateDimension();
    }

    @Override
    public final int outputDimension() {
        return indices.length;
    }

    @Override
    public final double[] apply(double[] x) {
        Checks.dimension(name() + " state", x, inputDimension());
        double[] y = new double[indices.length];
        for (int j = 0; j < indices.length; j++) {
            y[j] = value(x[indices[j]]);
        }
        return y;
    }

    @Override
    public final void applyInto(double[] x, double[] out) {
        Checks.dimension(name() + " state", x, inputDimension());
        for (int j = 0; j < indices.length; j++) {
            out[j] = value(x[indices[j]]);
        }
    }

    @Override
    public final Linearization linearize(double[] x) {
        double[] y = apply(x);
        double[] slopes = new double[indices.length]; // diagonal of the selected Jacobian rows
        for (int j = 0; j < indices.length; j++) {
            slopes[j] = slope(x[indices[j]]);
        }
        return new SelectionJacobian(name(), inputDimension(), indices, slopes, y);
    }

    @Override
    public String toString() {
        return name() + " on " + selection;
    }

    /** H' = diag(slopes) · S with S the selection matrix; H'ᵀ = Sᵀ · diag(slopes). */
    private static final class SelectionJacobian implements Linearization {

        private final String name;
        private final int stateDimension;
        private final int[] indices;
        private final double[] slopes;
        private final double[] value;

        SelectionJacobian(String name, int stateDimension, int[] indices, double[] slopes, double[] value) {
            this.name = name;
            this.stateDimension = stateDimension;
            this.indices = indices;
            this.slopes = slopes;
            this.value = value;
        }

        @Override
        public double[] value() {
            return value;
        }

        @Override
        public int inputDimension() {
            return stateDimension;
        }

        @Override
        public int outputDimension() {
            return indices.length;
        }

        @Override
        public double[] apply(double[] dx) {
            Checks.dimension(name + " tangent-linear input", dx, stateDimension);
            double[] dy = new double[indices.length];
            for (int j = 0; j < indices.length; j++) {
                dy[j] = slopes[j] * dx[indices[j]]; // gather
            }
            return dy;
        }

        @Override
        public double[] applyAdjoint(double[] dy) {
            Checks.dimension(name + " adjoint input", dy, indices.length);
            double[] dx = new double[stateDimension];
            for (int j = 0; j < indices.length; j++) {
                dx[indices[j]] = slopes[j] * dy[j]; // scatter; indices are distinct
            }
            return dx;
        }
    }
}
