package org.vaevar.ensemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vaevar.api.DiagonalObservationError;
import org.vaevar.api.DynamicalModel;
import org.vaevar.api.ObservationOperator;

/** With linear H and Gaussian errors the filters' analyses are the Kalman update of the forecast ensemble. */
class KalmanUpdateTest {

    private static final int N_STATE = 12;

    private final DynamicalModel model = Fixtures.lorenz96(N_STATE);
    private final ObservationOperator h = Fixtures.operator("linear", 2, N_STATE);
    private final DiagonalObservationError r = Fixtures.unequalR(h.observationDimension());
    private final double[] y = Fixtures.observation(h.observationDimension(), 11);

    @ParameterizedTest
    @CsvSource({"5, COMMONS", "9, COMMONS", "30, COMMONS", "5, NATIVE", "9, NATIVE", "30, NATIVE"})
    // fewer members than observations, between, and more than the state dimension
    void etkfMeanAndCovarianceAreTheKalmanUpdateOfTheEnsemble(int size, Solver solver) {
        Ensemble e = Fixtures.forecast(size, N_STATE, h.observationDimension(), size);
        KalmanReference kalman = new KalmanReference(copy(e.members), h, r, y);
        analyse(new Etkf(Fixtures.context(model, h, r, 1), new EnsembleSettings(size, 1.0, false), solver), e, 1);

        assertClose(KalmanReference.meanOf(e.members), kalman.mean, 1e-10);
        assertClose(KalmanReference.covarianceOf(e.members), kalman.covariance, 1e-10);
    }

    @ParameterizedTest
    @EnumSource(Solver.class)
    void etkfWithRotationKeepsMeanAndCovarianceAndInflationScalesTheCovariance(Solver solver) {
        int size = 9;
        Ensemble plain = Fixtures.forecast(size, N_STATE, h.observationDimension(), 3);
        Ensemble shaped = Fixtures.forecast(size, N_STATE, h.observationDimension(), 3);
        analyse(new Etkf(Fixtures.context(model, h, r, 1), new EnsembleSettings(size, 1.0, false), solver), plain, 1);
        analyse(new Etkf(Fixtures.context(model, h, r, 1), new EnsembleSettings(size, 1.1, true), solver), shaped, 1);

        assertClose(KalmanReference.meanOf(shaped.members), KalmanReference.meanOf(plain.members), 1e-10);
        assertClose(KalmanReference.covarianceOf(shaped.members),
                KalmanReference.covarianceOf(plain.members).scalarMultiply(1.1 * 1.1), 1e-10);
        assertThat(shaped.members[0][0]).isNotCloseTo(plain.members[0][0] * 1.0,
                org.assertj.core.data.Offset.offset(1e-9)); // the rotation really mixed the members
    }

    @ParameterizedTest
    @EnumSource(Solver.class)
    void centredEnkfMeanIsExactlyTheKalmanMean(Solver solver) {
        int size = 20;
        Ensemble e = Fixtures.forecast(size, N_STATE, h.observationDimension(), 5);
        KalmanReference kalman = new KalmanReference(copy(e.members), h, r, y);
        analyse(new Enkf(Fixtures.context(model, h, r, 1), new EnsembleSettings(size, 1.0, false), true, solver), e, 5);
        assertClose(KalmanReference.meanOf(e.members), kalman.mean, 1e-10);
    }

    /**
     * Uncentred perturbations shift the mean by −K R^{1/2} z̄ with z̄ ~ N(0, I/N): its expected squared norm is
     * tr(K R Kᵀ)/N. Each size stays within 5 standard deviations of that, and the error is not zero.
     */
    @ParameterizedTest
    @ValueSource(ints = {50, 200, 800})
    void uncentredEnkfMeanConvergesToTheKalmanMeanAsOneOverRootN(int size) {
        Ensemble e = Fixtures.forecast(size, N_STATE, h.observationDimension(), 7);
        KalmanReference kalman = new KalmanReference(copy(e.members), h, r, y);
        analyse(new Enkf(Fixtures.context(model, h, r, 1), new EnsembleSettings(size, 1.0, false), false,
                Solver.NATIVE), e, 9);

        double error = KalmanReference.meanOf(e.members).subtract(kalman.mean).getNorm();
        RealMatrix krk = kalman.gain.multiply(kalman.r).multiply(kalman.gain.transpose());
        double expected = Math.sqrt(krk.getTrace() / size);
        assertThat(error).isGreaterThan(1e-6).isLessThan(5 * expected);
    }

    /** Prepares the ensemble (centre, observe) and runs one analysis of the method's scheme. */
    static void analyse(EnsembleMethod method, Ensemble e, long seed) {
        double[] y = Fixtures.observation(method.operator.observationDimension(), 11);
        e.center();
        e.observe(method.operator, y, method.inverseSigma);
        SplittableRandom random = new SplittableRandom(seed);
        double[][] rotation = method.settings.rotation() ? MeanPreservingRotation.draw(e.size, random) : null;
        method.newAnalysis().analyse(e, rotation, random);
    }

    static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    static void assertClose(RealVector actual, RealVector expected, double tolerance) {
        assertThat(actual.getDimension()).isEqualTo(expected.getDimension());
        assertThat(actual.subtract(expected).getLInfNorm()).isLessThan(tolerance);
        assertThat(expected.getNorm()).isGreaterThan(0);
    }

    static void assertClose(RealMatrix actual, RealMatrix expected, double tolerance) {
        double worst = 0;
        for (int i = 0; i < expected.getRowDimension(); i++) {
            for (int j = 0; j < expected.getColumnDimension(); j++) {
                worst = Math.max(worst, Math.abs(actual.getEntry(i, j) - expected.getEntry(i, j)));
            }
        }
        assertThat(worst).isLessThan(tolerance);
        assertThat(new ArrayRealVector(expected.getRow(0)).getNorm()).isGreaterThan(0);
    }
}
