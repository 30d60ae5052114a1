package org.vaevar.assimilation.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.vaevar.api.StoppingCriteria;
import org.vaevar.api.util.ProgressListener;
import org.vaevar.assimilation.Vaevar;
import org.vaevar.assimilation.config.CalibrationConfig;
import org.vaevar.assimilation.config.ExperimentConfig;
import org.vaevar.assimilation.config.PluginConfig;
import org.vaevar.assimilation.experiment.ExperimentResult;
import org.vaevar.assimilation.config.RunOptions;

/** The README's "compose an experiment in Java" example, kept compiling and running. */
class ComposeInJavaExampleTest {

    @Test
    void threeDVarOnLorenz96InAFewLines() {
        // README: begin
        ExperimentConfig config = ExperimentConfig.builder()
                .name("my-l96-3dvar")
                .model(PluginConfig.of("lorenz96", "n", 40, "forcing", 8.0, "dt", 0.05))
                .observe(PluginConfig.of("linear"), 1, 1.0)               // every component, every step, R = I
                .prior(PluginConfig.of("gaussian", "covariance", "climatology", "inflation", 0.1))
                .minimizer(PluginConfig.of("lbfgs", "history", 7))
                .stopping(StoppingCriteria.defaults().withMaxIterations(50))
                .window(1)                                                 // 3 for strong-constraint 4D-Var
                .cycles(300).spinupCycles(50)
                .seed(42)
                .build();
        ExperimentResult result = Vaevar.run(config);
        System.out.printf("analysis RMSE %.3f, %.2f ms per cycle%n", result.run().meanRmseAnalysis(),
                result.msPerCycle());
        // README: end
        assertThat(result.run().meanRmseAnalysis()).isLessThan(result.run().meanRmseBackground()).isLessThan(1.0);
        assertThat(result.run().cycleCount()).isEqualTo(300);
    }

    @Test
    void variantsOfAPreset() {
        ExperimentConfig base = org.vaevar.assimilation.config.Presets.load("l63-3dvar")
                .toBuilder().calibration(new CalibrationConfig(1, 200, 20,
                        PluginConfig.of("gaussian", "covariance", "climatology", "inflation", 0.1),
                        java.util.List.of(0.5, 1.0, 2.0)))
                .tuning(null).cycles(100).spinupCycles(20).build();
        RunOptions quiet = new RunOptions(Path.of("target", "test-cache"), ProgressListener.SILENT);
        ExperimentResult threeD = Vaevar.run(base, quiet);
        ExperimentResult fourD = Vaevar.run(base.withWindow(3), quiet);
        assertThat(fourD.config().window()).isEqualTo(3);
        assertThat(threeD.calibration().samples().size()).isEqualTo(180);
        assertThat(fourD.run().meanRmseAnalysis()).isFinite();
    }
}
