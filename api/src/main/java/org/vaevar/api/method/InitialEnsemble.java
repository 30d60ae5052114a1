package org.vaevar.api.method;

import java.util.random.RandomGenerator;

/**
 * The first ensemble of a run: members x_n = xb_0 + spread · N(0, I), drawn member by member, component by
 * component from one stream. Every ensemble method draws from the stream of {@link #PURPOSE}, so methods of the
 * same size start from the same members.
 */
public final class InitialEnsemble {

    /** The seed purpose of the initial members under the run seed. */
    public static final String PURPOSE = "initial-ensemble";

    private InitialEnsemble() {
    }

    /** Fills {@code members[n]} (each of the background's dimension) with xb_0 + spread · N(0, I). */
    public static void draw(double[] firstBackground, double spread, RandomGenerator random, double[][] members) {
        for (double[] x : members) {
            for (int i = 0; i < x.length; i++) {
                x[i] = firstBackground[i] + spread * random.nextGaussian();
            }
        }
    }
}
