package org.vaevar.assimilation.cost;

import java.util.List;
import org.vaevar.api.ObservationError;
import org.vaevar.api.ObservationOperator;
import org.vaevar.api.util.Checks;

/**
 * The observations of one assimilation window: y_j at model steps j·interval after the window start,
 * j = 0..K−1, all through the same operator H and error R. K = 1 is 3D-Var.
 */
public record ObservationWindow(ObservationOperator operator, ObservationError error, List<double[]> values,
                                int interval) {

    public ObservationWindow {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("observation window: no observations");
        }
        if (values.size() > 1) {
            Checks.positive("observation interval", interval);
        }
        if (error.dimension() != operator.observationDimension()) {
            throw new IllegalArgumentException("observation error has dimension " + error.dimension()
                    + " but operator " + operator.name() + " gives " + operator.observationDimension());
        }
        for (int j = 0; j < values.size(); j++) {
            Checks.finiteWithDimension("observation y_" + j, values.get(j), operator.observationDimension());
        }
        values = List.copyOf(values);
    }

    /** K. */
    public int size() {
        return values.size();
    }

    public double[] observation(int j) {
        return values.get(j);
    }
}
