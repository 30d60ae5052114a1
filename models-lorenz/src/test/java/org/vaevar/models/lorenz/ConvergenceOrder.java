package org.vaevar.models.lorenz;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleFunction;
import org.vaevar.api.DynamicalModel;
import org.vaevar.api.util.Vectors;

/** Observed convergence order of a time-stepping model as its step is halved (a test helper). */
final class ConvergenceOrder {

    private ConvergenceOrder() {
    }

    /**
     * The median over {@code points} attractor points of the observed order log₂(e(dt) / e(dt/2)), where e is the
     * error after {@code horizon} time units against a run with a step 128× finer than dt/2. A single point's
     * order scatters (the error vector's norm can nearly cancel in one component at a given time); the median
     * over points does not.
     *
     * @param model     the model at a given step length
     * @param onAttractorModel a model to draw attractor points with (randomState and a 1000-step burn-in)
     */
    static double median(DoubleFunction<DynamicalModel> model, DynamicalModel onAttractorModel, double dt,
                         double horizon, int points) {
        double[] orders = new double[points];
        for (int p = 0; p < points; p++) {
            double[] x0 = onAttractorModel.forecast(onAttractorModel.randomState(new SplittableRandom(p)), 1000);
            double fine = dt / 256;
            double[] reference = model.apply(fine).forecast(x0, (int) Math.round(horizon / fine));
            double coarseError = Vectors.norm(Vectors.minus(
                    model.apply(dt).forecast(x0, (int) Math.round(horizon / dt)), reference));
            double halfError = Vectors.norm(Vectors.minus(
                    model.apply(dt / 2).forecast(x0, (int) Math.round(2 * horizon / dt)), reference));
            orders[p] = Math.log(coarseError / halfError) / Math.log(2);
        }
        Arrays.sort(orders);
        return orders[points / 2];
    }
}
