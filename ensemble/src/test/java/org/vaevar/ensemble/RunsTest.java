package org.vaevar.ensemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vaevar.api.DiagonalObservationError;
import org.vaevar.api.DynamicalModel;
import org.vaevar.api.ObservationOperator;
import org.vaevar.api.method.AssimilationMethod;
import org.vaevar.api.method.AssimilationRun;
import org.vaevar.api.method.CycleOutcome;
import org.vaevar.api.plugin.MethodContext;

/** Whole runs: seeds make them reproducible, localisation reduces to the ETKF, threads do not change results. */
class RunsTest {

    private static final int N = 40;
    private static final int CYCLES = 60;

    private final DynamicalModel model = Fixtures.lorenz96(N);
    private final ObservationOperator h = Fixtures.operator("linear", 2, N);
    private final DiagonalObservationError r = Fixtures.unequalR(h.observationDimension());
    private final MethodContext context = Fixtures.context(model, h, r, 1);
    private final Twin twin = new Twin(model, h, r, CYCLES);

    @ParameterizedTest
    @EnumSource(Solver.class)
    void theSameSeedGivesBitIdenticalRunsAndAnotherSeedAnotherRun(Solver solver) {
        Enkf enkf = new Enkf(context, new EnsembleSettings(15, 1.05, true), true, solver);
        List<CycleOutcome> a = twin.run(enkf, 42);
        List<CycleOutcome> b = twin.run(enkf, 42);
        List<CycleOutcome> c = twin.run(enkf, 43);
        for (int k = 0; k < CYCLES; k++) {
            assertThat(b.get(k).analysisEnd()).containsExactly(a.get(k).analysisEnd());
            assertThat(b.get(k).analysisSpread()).isEqualTo(a.get(k).analysisSpread());
        }
        assertThat(c.get(CYCLES - 1).analysisEnd()).isNotEqualTo(a.get(CYCLES - 1).analysisEnd());
    }

    @ParameterizedTest
    @EnumSource(Solver.class)
    void letkfWithInfiniteRadiusIsTheEtkf(Solver solver) {
        EnsembleSettings settings = new EnsembleSettings(30, 1.03, true);
        List<CycleOutcome> etkf = twin.run(new Etkf(context, settings, solver), 5);
        List<CycleOutcome> letkf = twin.run(new Letkf(context, settings, Double.POSITIVE_INFINITY, 2, solver), 5);
        for (int k = 0; k < CYCLES; k++) {
            double[] x = etkf.get(k).analysisEnd(), y = letkf.get(k).analysisEnd();
            for (int i = 0; i < N; i++) {
                assertThat(Math.abs(x[i] - y[i])).as("cycle %d component %d", k, i).isLessThan(1e-10);
            }
        }
        assertThat(twin.meanRmse(etkf)).isLessThan(1.0); // it tracks: the comparison is of a working filter
    }

    @ParameterizedTest
    @EnumSource(Solver.class)
    void parallelLetkfEqualsSequentialExactly(Solver solver) {
        EnsembleSettings settings = new EnsembleSettings(10, 1.04, true);
        List<CycleOutcome> one = twin.run(new Letkf(context, settings, 4.0, 1, solver), 8);
        List<CycleOutcome> four = twin.run(new Letkf(context, settings, 4.0, 4, solver), 8);
        for (int k = 0; k < CYCLES; k++) {
            assertThat(four.get(k).analysisEnd()).containsExactly(one.get(k).analysisEnd());
            assertThat(four.get(k).nextBackground()).containsExactly(one.get(k).nextBackground());
        }
    }

    @Test
    void localisationLetsASmallEnsembleTrackWhereTheGlobalFilterCannot() {
        EnsembleSettings settings = new EnsembleSettings(8, 1.04, true);
        double local = twin.meanRmse(twin.run(new Letkf(context, settings, 4.0, 2, Solver.COMMONS), 3));
        double global = twin.meanRmse(twin.run(new Etkf(context, settings, Solver.COMMONS), 3));
        assertThat(local).isLessThan(0.5 * global);
    }

    /**
     * The native solvers give the reference analyses up to rounding: over a short run (before a chaotic
     * ensemble amplifies the rounding differences) every analysis agrees within 1e-10, for each scheme.
     */
    @Test
    void theNativeSolversAgreeWithCommonsMathWithinRounding() {
        EnsembleSettings settings = new EnsembleSettings(20, 1.04, true);
        List<List<CycleOutcome>> runs = new ArrayList<>();
        for (Solver s : Solver.values()) {
            runs.add(twin.run(new Enkf(context, settings, true, s), 11));
            runs.add(twin.run(new Etkf(context, settings, s), 11));
            runs.add(twin.run(new Letkf(context, settings, 4.0, 1, s), 11));
        }
        for (int scheme = 0; scheme < 3; scheme++) {
            double worst = 0;
            for (int k = 0; k < 20; k++) {
                double[] x = runs.get(scheme).get(k).analysisEnd();
                double[] y = runs.get(scheme + 3).get(k).analysisEnd();
                for (int i = 0; i < N; i++) {
                    worst = Math.max(worst, Math.abs(x[i] - y[i]));
                }
            }
            assertThat(worst).as("scheme %d", scheme).isLessThan(1e-10).isGreaterThan(0);
        }
    }

    /** A truth and its observations every step, for whole-run tests. */
    static final class Twin {
        final List<double[]> truth = new ArrayList<>();
        final List<double[]> obs = new ArrayList<>();

        Twin(DynamicalModel model, ObservationOperator h, DiagonalObservationError r, int cycles) {
            SplittableRandom random = new SplittableRandom(2);
            double[] x = model.forecast(model.randomState(random), 1000);
            for (int k = 0; k < cycles; k++) {
                truth.add(x);
                double[] y = h.apply(x);
                double[] e = r.sample(random);
                for (int j = 0; j < y.length; j++) {
                    y[j] += e[j];
                }
                obs.add(y);
                x = model.forecast(x, 1);
            }
        }

        List<CycleOutcome> run(AssimilationMethod method, long seed) {
            double[] xb = truth.get(0).clone();
            for (int i = 0; i < xb.length; i++) {
                xb[i] += 1.0;
            }
            AssimilationRun run = method.start(xb, seed);
            List<CycleOutcome> out = new ArrayList<>();
            for (double[] y : obs) {
                out.add(run.cycle(List.of(y)));
            }
            return out;
        }

        double meanRmse(List<CycleOutcome> outcomes) {
            double s = 0;
            int count = 0;
            for (int k = outcomes.size() / 2; k < outcomes.size(); k++) {
                double[] a = outcomes.get(k).analysisEnd();
                double[] t = truth.get(k);
                double e = 0;
                for (int i = 0; i < a.length; i++) {
                    e += (a[i] - t[i]) * (a[i] - t[i]);
                }
                s += Math.sqrt(e / a.length);
                count++;
            }
            return s / count;
        }
    }
}
