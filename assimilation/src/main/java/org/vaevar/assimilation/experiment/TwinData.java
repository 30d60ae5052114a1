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
 *
 * <p>Generated as the run asks for it. A world of up to {@link #HELD_DOUBLES} numbers is held whole once made
 * (tuning reruns one world for every candidate value); a larger one keeps only the latest {@link #KEPT}
 * observation times, so memory does not grow with the number of cycles. A run reads times in increasing order;
 * asking for an earlier time than those held regenerates the sequence from the start (the same numbers: truth and
 * noise each come from their own stream, drawn in time order). Not for concurrent use by several threads: one run, one {@code TwinData}
 * (calls are synchronised, so misuse is slow, not wrong).
 */
public final class TwinData {

    /** Truth and observation numbers up to which the whole world is kept (32 MiB). */
    static final long HELD_DOUBLES = 1L << 22;
    /** Observation times kept of a larger world: far more than any window, negligible beside the run. */
    static final int KEPT = 64;

    private final DynamicalModel truthModel;
    private final ObservationOperator operator;
    private final ObservationError error;
    private final int interval;
    private final long runSeed;
    private final int times;
    private final double timeBetweenObservations;
    /** x^t_0, after the burn-in: where a regeneration restarts. */
    private final double[] firstTruth;
    private final double[] initialBackground;

    private final int kept;
    private final double[][] truth;
    private final double[][] observations;
    /** The next observation time to generate; times [next − kept, next) are held. */
    private int next;
    private double[] x;
    private SplittableRandom noiseStream;

    /**
     * @param times number of observation times the run may ask for
     */
    public TwinData(DynamicalModel truthModel, ObservationOperator operator, ObservationError error,
                    int interval, int burnInSteps, double initialSpread, long runSeed, int times) {
        this.truthModel = truthModel;
        this.operator = operator;
        this.error = error;
        this.interval = interval;
        this.runSeed = runSeed;
        this.times = times;
        this.timeBetweenObservations = interval * truthModel.timeStep();
        SplittableRandom truthStream = Seeds.stream(runSeed, "truth");
        this.firstTruth = truthModel.forecast(truthModel.randomState(truthStream), burnInSteps);
        this.kept = keptTimes(times, firstTruth.length, operator.outputDimension());
        this.truth = new double[kept][];
        this.observations = new double[kept][];
        restart();
        generateUpTo(0);
        SplittableRandom backgroundStream = Seeds.stream(runSeed, "initial-background");
        double[] xb = firstTruth.clone();
        for (int i = 0; i < xb.length; i++) {
            xb[i] += initialSpread * backgroundStream.nextGaussian();
        }
        this.initialBackground = xb;
    }

    /** The observation times a world of {@code times} keeps at once: all of them if small enough, else {@link #KEPT}. */
    static int keptTimes(int times, int stateDimension, int observationDimension) {
        return (long) times * (stateDimension + observationDimension) <= HELD_DOUBLES ? Math.max(1, times) : KEPT;
    }

    /** The numbers (doubles) a world of {@code times} observation times holds at most. */
    public static long heldNumbers(int times, int stateDimension, int observationDimension) {
        return (long) keptTimes(times, stateDimension, observationDimension) * (stateDimension + observationDimension);
    }

    /** The seed this world was made from; a method derives its own streams from it. */
    public long runSeed() {
        return runSeed;
    }

    public int times() {
        return times;
    }

    /** x^t at observation time k. Do not modify. */
    public synchronized double[] truth(int k) {
        return truth[slot(k)];
    }

    /** y_k. Do not modify. */
    public synchronized double[] observation(int k) {
        return observations[slot(k)];
    }

    public double[] initialBackground() {
        return initialBackground.clone();
    }

    /** Model time of observation time k. */
    public double time(int k) {
        return k * timeBetweenObservations;
    }

    /** The ring slot holding time k, generating up to it (or again from the start) first. */
    private int slot(int k) {
        if (k < 0 || k >= times) {
            throw new IndexOutOfBoundsException("observation time " + k + " of " + times);
        }
        if (k < next - kept) {
            restart();
        }
        generateUpTo(k);
        return k % kept;
    }

    private void restart() {
        next = 0;
        x = firstTruth;
        noiseStream = Seeds.stream(runSeed, "observation-noise");
    }

    private void generateUpTo(int k) {
        for (; next <= k; next++) {
            if (next > 0) {
                x = truthModel.forecast(x, interval);
            }
            if (!Vectors.allFinite(x)) {
                throw new DivergenceException(0, "the truth model " + truthModel.name() + " blew up at observation time "
                        + next + ": check its parameters and time step");
            }
            truth[next % kept] = x;
            observations[next % kept] = Vectors.plusScaled(operator.apply(x), 1.0, error.sample(noiseStream));
        }
    }
}
