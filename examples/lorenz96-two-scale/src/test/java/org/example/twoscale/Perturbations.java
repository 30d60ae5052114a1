package org.example.twoscale;

import java.util.SplittableRandom;

/** Random perturbations scaled like the two-scale state: slow components N(0, 1), fast ones N(0, 1) / b. */
final class Perturbations {

    private Perturbations() {
    }

    static double[] scaled(SplittableRandom random, int slow, int dimension, double b) {
        double[] d = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            d[i] = i < slow ? random.nextGaussian() : random.nextGaussian() / b;
        }
        return d;
    }
}
