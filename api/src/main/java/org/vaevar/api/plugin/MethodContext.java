package org.vaevar.api.plugin;

import java.util.List;
import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.ControlTransform;
import org.vaevar.api.DifferentiableFunction;
import org.vaevar.api.DynamicalModel;
import org.vaevar.api.Minimizer;
import org.vaevar.api.ObservationError;
import org.vaevar.api.ObservationOperator;
import org.vaevar.api.StoppingCriteria;

/**
 * What the experiment offers an assimilation method while building it: the forecast model, the observation
 * operator and error, the schedule, and the variational ingredients (prior, minimizer, stopping, window). The prior
 * is built on first request, because building it may run the calibration: an ensemble method that never asks
 * costs nothing.
 */
public interface MethodContext {

    DynamicalModel model();

    ObservationOperator operator();

    ObservationError error();

    /** Model steps between observation times. */
    int interval();

    /** K, the experiment's observation times per window (used by windowed methods). */
    int window();

    /** Standard deviation of the initial members about the first background. */
    double initialSpread();

    /** The experiment's background prior (built on first request). */
    BackgroundPrior prior();

    Minimizer minimizer();

    StoppingCriteria stopping();

    /** λ, the weight of the observation term of a variational cost. */
    double observationWeight();

    /**
     * The variational cost the {@code variational} method minimises, for any control transform: J(v) = P(v) +
     * λ Σ_j ½ ‖y_j − H(M_{0→j}(T(v)))‖²_{R⁻¹} over the given observation times (one per observation interval
     * from the window start; K = 1 is 3D-Var), with its exact adjoint gradient. A method that builds its own
     * transform each cycle (a hybrid ensemble–variational B) minimises exactly this cost.
     */
    DifferentiableFunction variationalCost(ControlTransform transform, List<double[]> observations);
}
