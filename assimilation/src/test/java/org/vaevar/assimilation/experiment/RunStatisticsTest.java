package org.vaevar.assimilation.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.vaevar.api.StopReason;
import org.vaevar.api.method.AssimilationMethod;
import org.vaevar.api.method.CostTerms;
import org.vaevar.api.method.MethodDiagnostics;
import org.vaevar.assimilation.Vaevar;
import org.vaevar.assimilation.config.ExperimentConfig;
import org.vaevar.assimilation.config.PluginConfig;

/** The running statistics give the records' means bit for bit, and a run result holds nothing per cycle. */
class RunStatisticsTest {

    private static final ExperimentConfig BASE = ExperimentTest.shortened("l96-3dvar", "tuning.grid=[1.0]")
            .withTuning(null);

    /** The mean over the records after spin-up as a list gives it: a plain sum in cycle order over the count. */
    private static double listMean(List<CycleRecord> records, int spinup, ToDoubleFunction<CycleRecord> f) {
        double s = 0;
        int n = 0;
        for (CycleRecord r : records.subList(Math.min(spinup, records.size()), records.size())) {
            s += f.applyAsDouble(r);
            n++;
        }
        return n == 0 ? Double.NaN : s / n;
    }

    @Test
    void meansOfARunAreTheMeansOfItsRecordsToTheBit() {
        TwinSetting setting = Vaevar.setting(BASE, ExperimentTest.OPTIONS);
        AssimilationMethod method = setting.variational(setting.prior("prior",
                PluginConfig.of("gaussian", "inflation", 1.0)), 1);
        CycleRecords records = new CycleRecords();
        int spinup = 30;
        RunResult r = setting.evaluate(method, 7, 150, spinup, "test", records);
        List<CycleRecord> list = records.list();
        assertThat(list).hasSize(150);
        assertThat(r.cycleCount()).isEqualTo(150);
        assertThat(r.spinupCycles()).isEqualTo(spinup);
        assertThat(r.meanRmseBackground()).isEqualTo(listMean(list, spinup, CycleRecord::rmseBackground));
        assertThat(r.meanRmseAnalysis()).isEqualTo(listMean(list, spinup, CycleRecord::rmseAnalysis));
        assertThat(r.meanRmseAnalysisStart()).isEqualTo(listMean(list, spinup, CycleRecord::rmseAnalysisStart));
        assertThat(r.meanIterations()).isEqualTo(listMean(list, spinup, c -> c.iterations()));
        assertThat(r.meanEvaluations()).isEqualTo(listMean(list, spinup, c -> c.evaluations()));
        assertThat(r.meanTwoJoPerObservationAnalysis()).isEqualTo(listMean(list, spinup,
                c -> 2 * c.diagnostics().analysis().joPerObservation()));
        assertThat(r.meanTwoJoPerObservationFirstGuess()).isEqualTo(listMean(list, spinup,
                c -> 2 * c.diagnostics().firstGuess().joPerObservation()));
        assertThat(r.meanSpreadAnalysis()).isNaN();
        assertThat(r.stopReasons().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(150);
        assertThat(r.minimised()).isEqualTo(150);
        assertThat(r.firstNonFinite()).isEqualTo(150);
    }

    @Test
    void countsStopReasonsOverEveryCycleAndTheFirstNonFiniteRmse() {
        RunStatistics s = new RunStatistics(2);
        s.add(record(0, 1.0, StopReason.GRADIENT_TOLERANCE));
        s.add(record(1, Double.POSITIVE_INFINITY, StopReason.MAX_ITERATIONS));
        s.add(record(2, 2.0, StopReason.MAX_ITERATIONS));
        s.add(record(3, Double.NaN, null));
        assertThat(s.stopReasons()).containsExactly(Map.entry("GRADIENT_TOLERANCE", 1),
                Map.entry("MAX_ITERATIONS", 2));
        assertThat(s.minimised()).isEqualTo(3);
        assertThat(s.notConverged()).isEqualTo(2);
        assertThat(s.firstNonFinite()).isEqualTo(1);
        assertThat(s.meanRmseBackground()).isNaN(); // cycle 3's NaN is after spin-up
        RunStatistics spunUp = RunStatistics.of(5, List.of(record(0, 1.0, null), record(1, 3.0, null)));
        assertThat(spunUp.spinupCycles()).isEqualTo(2);
        assertThat(spunUp.meanRmseAnalysis()).isNaN();
        assertThatThrownBy(() -> spunUp.add(record(3, 1.0, null))).hasMessageContaining("cycle order");
    }

    @Test
    void aRunResultHoldsTheSameObjectsWhateverItsLength() {
        TwinSetting setting = Vaevar.setting(BASE, ExperimentTest.OPTIONS);
        AssimilationMethod method = setting.variational(setting.prior("prior",
                PluginConfig.of("gaussian", "inflation", 1.0)), 1);
        Reachable shortRun = Reachable.from(setting.evaluate(method, 7, 20, 5, "test"));
        Reachable longRun = Reachable.from(setting.evaluate(method, 7, 400, 5, "test"));
        assertThat(longRun.records).isZero();
        assertThat(shortRun.records).isZero();
        assertThat(longRun.objects).isEqualTo(shortRun.objects);
        assertThat(longRun.arrayElements).isEqualTo(shortRun.arrayElements);
        // The counter does see records: the ones an observer keeps.
        CycleRecords kept = new CycleRecords();
        setting.evaluate(method, 7, 20, 5, "test", kept);
        assertThat(Reachable.from(kept).records).isEqualTo(20);
    }

    private static CycleRecord record(int c, double rmse, StopReason reason) {
        MethodDiagnostics d = reason == null ? MethodDiagnostics.NONE
                : new MethodDiagnostics(3, 4, 2.0, 1.0, reason, CostTerms.NONE, CostTerms.NONE);
        return new CycleRecord(c, c, rmse, rmse, rmse, Double.NaN, Double.NaN, d);
    }

    /**
     * The objects reachable from a root through instance fields, arrays and collections; other JDK objects
     * (strings, boxed numbers) count as one each without being opened.
     */
    private static final class Reachable {
        long objects;
        long arrayElements;
        long records;
        private final Map<Object, Boolean> seen = new IdentityHashMap<>();

        static Reachable from(Object root) {
            Reachable r = new Reachable();
            r.visit(root);
            return r;
        }

        private void visit(Object root) {
            List<Object> stack = new ArrayList<>(List.of(root));
            while (!stack.isEmpty()) {
                Object o = stack.remove(stack.size() - 1);
                if (o == null || seen.put(o, Boolean.TRUE) != null) {
                    continue;
                }
                objects++;
                if (o instanceof CycleRecord) {
                    records++;
                }
                Class<?> type = o.getClass();
                if (type.isArray()) {
                    int n = Array.getLength(o);
                    arrayElements += n;
                    if (!type.getComponentType().isPrimitive()) {
                        for (int i = 0; i < n; i++) {
                            stack.add(Array.get(o, i));
                        }
                    }
                } else if (o instanceof Collection<?> c) {
                    arrayElements += c.size();
                    stack.addAll(c);
                } else if (o instanceof Map<?, ?> m) {
                    arrayElements += m.size();
                    stack.addAll(m.keySet());
                    stack.addAll(m.values());
                } else if (type.getName().startsWith("org.vaevar.") && !(o instanceof Enum<?>)) {
                    for (Class<?> k = type; k != null && k.getName().startsWith("org.vaevar.");
                         k = k.getSuperclass()) {
                        for (Field f : k.getDeclaredFields()) {
                            if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                                continue;
                            }
                            f.setAccessible(true);
                            try {
                                stack.add(f.get(o));
                            } catch (IllegalAccessException e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    }
                }
            }
        }
    }
}
