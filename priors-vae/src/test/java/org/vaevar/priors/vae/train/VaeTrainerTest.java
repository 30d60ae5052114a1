package org.vaevar.priors.vae.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaevar.api.plugin.BackgroundErrorSamples;
import org.vaevar.priors.vae.SyntheticSamples;
import org.vaevar.priors.vae.TrainedVae;
import org.vaevar.priors.vae.TrainingSettings;
import org.vaevar.priors.vae.TrainingSummary;
import org.vaevar.priors.vae.VaeArchitecture;
import org.vaevar.priors.vae.net.Activation;

/** Training: determinism, early stopping that keeps the best weights, progress, refusals. Tiny networks. */
class VaeTrainerTest {

    private static final VaeArchitecture MLP = new VaeArchitecture(VaeArchitecture.Kind.MLP, 3, 3, 8, 1, 1,
            Activation.TANH, false);
    private static final VaeArchitecture CONV = new VaeArchitecture(VaeArchitecture.Kind.CONV, 8, 8, 3, 1, 3,
            Activation.ELU, true);

    private static TrainingSettings settings(long seed, int epochs, int patience, double rate) {
        return new TrainingSettings(0.25, 1.0, epochs, 32, rate, 0.25, patience, false, seed, 1);
    }

    @Test
    void theSameSeedGivesBitIdenticalWeightsAndAnotherSeedDoesNot() {
        for (VaeArchitecture arch : List.of(MLP, CONV)) {
            BackgroundErrorSamples s = arch == MLP ? SyntheticSamples.skewed(160, 3, 1)
                    : SyntheticSamples.periodic(160, 8, 1);
            TrainedVae a = VaeTrainer.train(arch, settings(7, 4, 10, 1e-2), s, Map.of(), (t, d, n, st) -> { });
            TrainedVae b = VaeTrainer.train(arch, settings(7, 4, 10, 1e-2), s, Map.of(), (t, d, n, st) -> { });
            TrainedVae c = VaeTrainer.train(arch, settings(8, 4, 10, 1e-2), s, Map.of(), (t, d, n, st) -> { });
            for (String k : a.weights().keySet()) {
                assertThat(a.weights().get(k)).as("%s %s, same seed", arch.kind(), k)
                        .containsExactly(b.weights().get(k));
            }
            assertThat(a.summary().validationLossHistory()).containsExactly(b.summary().validationLossHistory());
            boolean anyDifferent = false;
            for (String k : a.weights().keySet()) {
                anyDifferent |= !Arrays.equals(a.weights().get(k), c.weights().get(k));
            }
            assertThat(anyDifferent).as("%s: another seed gives other weights", arch.kind()).isTrue();
        }
    }

    @Test
    void earlyStoppingKeepsTheWeightsOfTheBestValidationEpoch() {
        BackgroundErrorSamples s = SyntheticSamples.skewed(160, 3, 2);
        List<long[]> progress = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        TrainedVae longRun = VaeTrainer.train(MLP, settings(3, 60, 3, 5e-2), s, Map.of(),
                (task, done, total, status) -> {
                    assertThat(task).isEqualTo("train vae");
                    progress.add(new long[] {done, total});
                    statuses.add(status);
                });
        TrainingSummary sum = longRun.summary();
        assertThat(sum.bestEpoch()).as("this configuration stops after its best epoch").isLessThan(sum.epochsRun());
        assertThat(sum.epochsRun()).as("early stopping fired").isLessThan(60);
        assertThat(sum.epochsRun() - sum.bestEpoch()).isEqualTo(3);
        double[] val = sum.validationLossHistory();
        assertThat(val).hasSize(sum.epochsRun());
        assertThat(sum.validationLoss()).isEqualTo(Arrays.stream(val).min().orElseThrow())
                .isEqualTo(val[sum.bestEpoch() - 1]);
        assertThat(sum.validationReconstruction() + sum.validationKl())
                .isCloseTo(sum.validationLoss(), org.assertj.core.api.Assertions.within(1e-4));
        assertThat(progress).hasSize(sum.epochsRun());
        for (int e = 0; e < progress.size(); e++) {
            assertThat(progress.get(e)).containsExactly(e + 1, 60);
        }
        assertThat(statuses.get(0)).startsWith("loss ").contains(" val ");
        // Training is deterministic, so a run stopped at the best epoch must end with exactly the kept weights.
        TrainedVae prefix = VaeTrainer.train(MLP, settings(3, sum.bestEpoch(), 3, 5e-2), s, Map.of(),
                (t, d, n, st) -> { });
        for (String k : longRun.weights().keySet()) {
            assertThat(longRun.weights().get(k)).as(k).containsExactly(prefix.weights().get(k));
        }
    }

    @Test
    void refusesSamplesOfAnotherDimensionAndTooFewSamples() {
        assertThatThrownBy(() -> VaeTrainer.train(MLP, settings(1, 1, 1, 1e-3), SyntheticSamples.skewed(50, 4, 1),
                Map.of(), (t, d, n, st) -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dimension 4").hasMessageContaining("state dimension 3");
        assertThatThrownBy(() -> VaeTrainer.train(MLP, settings(1, 1, 1, 1e-3), SyntheticSamples.skewed(2, 3, 1),
                Map.of(), (t, d, n, st) -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 samples leave 1 for training");
    }
}
