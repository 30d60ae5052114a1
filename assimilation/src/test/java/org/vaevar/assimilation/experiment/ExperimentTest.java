package org.vaevar.assimilation.experiment;

import org.vaevar.assimilation.config.RunOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaevar.api.util.ProgressListener;
import org.vaevar.assimilation.Vaevar;
import org.vaevar.assimilation.config.ExperimentConfig;
import org.vaevar.assimilation.config.Presets;

class ExperimentTest {

    static final RunOptions OPTIONS = new RunOptions(Path.of("target", "test-cache"), ProgressListener.SILENT);

    /** Every cycle's record of the config's evaluation run. */
    static List<CycleRecord> records(ExperimentConfig c) {
        CycleRecords records = new CycleRecords();
        Vaevar.experiment(c, OPTIONS).run(records);
        return records.list();
    }

    /** A short version of a preset: fewer cycles, a shorter calibration and tuning. */
    static ExperimentConfig shortened(String preset, String... more) {
        List<String> overrides = new java.util.ArrayList<>(List.of("cycles=150", "spinupCycles=30",
                "calibration.cycles=300", "calibration.spinupCycles=30", "calibration.runs=1",
                "tuning.cycles=150", "tuning.spinupCycles=30"));
        overrides.addAll(List.of(more));
        return Presets.load(preset, overrides);
    }

    @Test
    void sameSeedGivesBitIdenticalCycles() {
        ExperimentConfig c = shortened("l96-3dvar", "tuning.grid=[0.7,1.4]");
        List<CycleRecord> a = records(c);
        List<CycleRecord> b = records(c);
        assertThat(b).isEqualTo(a);
        List<CycleRecord> other = records(c.withSeed(2));
        assertThat(other.get(10).rmseAnalysis()).isNotEqualTo(a.get(10).rmseAnalysis());
    }

    @Test
    void everyMethodOfOneSeedSeesTheSameTruthAndObservations() {
        ExperimentConfig c = shortened("l96-3dvar", "tuning.grid=[1.0]");
        TrajectoryRecorder threeDStates = new TrajectoryRecorder(), fourDStates = new TrajectoryRecorder();
        CycleRecords threeD = new CycleRecords(), fourD = new CycleRecords();
        Vaevar.experiment(c, OPTIONS).run(threeDStates, threeD);
        Vaevar.experiment(c.withWindow(3), OPTIONS).run(fourDStates, fourD);
        // Cycle 0 starts from the same background and truth whatever the window.
        assertThat(fourD.list().get(0).rmseBackground()).isEqualTo(threeD.list().get(0).rmseBackground());
        assertThat(fourDStates.trajectory().truth()[1]).containsExactly(threeDStates.trajectory().truth()[3]);
    }

    @Test
    void analysisImprovesOnTheBackgroundAndOnTheObservations() {
        ExperimentResult r = Vaevar.run(shortened("l96-3dvar", "tuning.grid=[1.0]"), OPTIONS);
        assertThat(r.run().meanRmseAnalysis()).isLessThan(r.run().meanRmseBackground())
                .isLessThan(r.config().observations().noise());
        assertThat(r.calibration()).isNotNull();
        assertThat(r.calibration().samples().size()).isEqualTo(270);
    }

    /** Strong-constraint 4D-Var (K = 3) uses three times the observations per analysis: it must do better. */
    @Test
    void fourDVarBeatsThreeDVarOnLorenz96() {
        ExperimentResult threeD = Vaevar.run(shortened("l96-3dvar", "cycles=300"), OPTIONS);
        ExperimentResult fourD = Vaevar.run(shortened("l96-4dvar", "cycles=100"), OPTIONS);
        assertThat(fourD.run().meanRmseAnalysis()).as("4D-Var %s vs 3D-Var %s", fourD.run().meanRmseAnalysis(),
                threeD.run().meanRmseAnalysis()).isLessThan(0.95 * threeD.run().meanRmseAnalysis());
    }

    @Test
    void aBlownUpTruthModelIsReportedAsDivergence() {
        ExperimentConfig c = shortened("l96-3dvar", "model.dt=0.9", "tuning.grid=[1.0]");
        assertThatThrownBy(() -> Vaevar.run(c, OPTIONS)).isInstanceOf(DivergenceException.class)
                .hasMessageContaining("lorenz96 blew up");
    }

    @Test
    void anUnknownPluginIsRefusedWithTheKnownNames() {
        ExperimentConfig c = shortened("l96-3dvar", "prior.name=gausian");
        assertThatThrownBy(() -> Vaevar.run(c, OPTIONS))
                .hasStackTraceContaining("prior: unknown prior 'gausian'; known: gaussian");
    }

    @Test
    void aBadPluginParameterIsRefusedByName() {
        ExperimentConfig c = shortened("l96-3dvar", "model.n=3");
        assertThatThrownBy(() -> Vaevar.run(c, OPTIONS))
                .hasStackTraceContaining("model: lorenz96.n = 3: must be at least 4");
    }

    /**
     * The calibration keeps whichever 3D-Var tracks better on the scale seed: the scaled sample B where every
     * component is observed, the loose climatological prior where half of Lorenz 96 is unobserved (a B estimated
     * from the loose run's large errors then tracks worse still).
     */
    @Test
    void calibrationKeepsTheBetterTrackingThreeDVar() {
        Calibration.Outcome full = Vaevar.run(shortened("l96-3dvar", "tuning.grid=[1.0]"), OPTIONS).calibration();
        assertThat(full.looseKept()).as("fully observed: %s vs loose %s", full.scaleRmse(), full.looseOnScaleSeed())
                .isFalse();
        assertThat(full.scaleRmse().get(full.chosenScale())).isLessThan(full.looseOnScaleSeed());

        Calibration.Outcome half = Vaevar.run(shortened("l96-3dvar", "observations.operator.every=2",
                "calibration.scaleGrid=[1.0,2.0]", "tuning.grid=[1.0]"), OPTIONS).calibration();
        assertThat(half.looseKept()).as("half observed: %s vs loose %s", half.scaleRmse(), half.looseOnScaleSeed())
                .isTrue();
        assertThat(half.scaleRmse().values()).allMatch(r -> r > half.looseOnScaleSeed());
    }
}
