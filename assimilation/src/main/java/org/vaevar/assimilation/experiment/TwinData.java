package org.vaevar.assimilation.experiment;

import java.util.SplittableRandom;
import org.vaevar.api.DynamicalModel;
import org.vaevar.api.ObservationError;
import org.vaevar.api.ObservationOperator;
import org.vaevar.api.util.Seeds;
import org.vaevar.api.util.Vectors;

/**
 * The synthetic world of one twin run: the truth x^t_k at observation times k·interval (after a burn-in from a
 * random state), observations y_k = H(x^t_k) + e_k with e_k ~ N(0, R), and the first background
 * xb_0 = x^t_0 + spread·N(0, I). Each has its own random stream derived from the run seed, so every method run on
 * the same seed sees identical truth and observations, whatever its window length.
 */
public final class TwinData {

    private final double[][] truth;
    private final double[][] observations;
    private final double[] initialBackground;
    private final double timeBetweenObservations;
    private final long runSeed;

    /**
     * @param times number of observation times to generate
     */
    public TwinData(DynamicalModel truthModel, ObservationOperator operator, ObservationError error,
                            int interval, int burnInSteps, double initialSpread, long runSeed, int times) {
        this.runSeed = runSeed;
        SplittableRandom truthStream = Seeds.stream(runSeed, "truth");
        SplittableRandom noiseStream = Seeds.stream(runSeed, "observation-noise");
        SplittableRandom backgroundStream = Seeds.stream(runSeed, "initial-background");
        this.truth = new double[times][];
        this.observations = new double[times][];
        this.timeBetweenObservations = interval * truthModel.timeStep();
        double[] x = truthModel.forecast(truthModel.randomState(truthStream), burnInSteps);
        for (int k = 0; k < times; k++) {
            if (k > 0) {
                x = truthModel.forecast(x, interval);
            }
            if (!Vectors.allFinite(x)) {
                throw new DivergenceException(0, "the truth model " + truthModel.name() + " blew up at observation time "
                        + k + ": check its parameters and time step");
            }
            truth[k] = x;
            observations[k] = Vectors.plusScaled(operator.apply(x), 1.0, error.sample(noiseStream));
        }
        double[] xb = truth[0].clone();
        for (int i = 0; i < xb.length; i++) {
            xb[i] += initialSpread * backgroundStream.nextGaussian();
        }
        this.initialBackground = xb;
    }

    /** The seed this world was made from; a method derives its own streams from it. */
    public long runSeed() {
        return runSeed;
    }

    public int times() {
        return truth.length;
    }

    /** x^t at observation time k. Do not modify. */
    public double[] truth(int k) {
        return truth[k];
    }

    /** y_k. Do not modify. */
    public double[] observation(int k) {
        return observations[k];
    }

    public double[] initialBackground() {
        return initialBackground.clone();
    }

    /** Model time of observation time k. */
    public double time(int k) {
        return k * timeBetweenObservations;
    }
}
