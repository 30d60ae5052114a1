package org.vaevar.assimilation.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaevar.assimilation.Vaevar;
import org.vaevar.assimilation.config.ExperimentConfig;
import org.vaevar.assimilation.config.PluginConfig;
import org.vaevar.assimilation.config.Presets;
import org.vaevar.assimilation.config.TuningConfig;

/** A value's tuning score is the mean over the tuning seeds; the adaptive search runs through the same tuning. */
class TuningSeedsTest {

    private static final PluginConfig PRIOR = PluginConfig.of("gaussian", "covariance", "climatology");
    private static final int CYCLES = 80;
    private static final int SPINUP = 10;

    private static TwinSetting setting() {
        ExperimentConfig c = Presets.load("l63-sakov2012", List.of("cycles=100", "spinupCycles=10",
                "climatologySamples=500"));
        return Vaevar.setting(c, ExperimentTest.OPTIONS);
    }

    /** The mean analysis RMSE of inflation {@code value} on tuning seed i, run by hand. */
    private static double rmse(TwinSetting twin, double value, int i) {
        long seed = TwinSetting.tuningSeed(twin.config().seed(), i);
        return twin.evaluate(twin.prior("prior", PRIOR.with("inflation", value)), 1, seed, CYCLES, SPINUP, "check")
                .meanRmseAnalysis();
    }

    @Test
    void theScoreIsTheMeanOverTheTuningSeedsAndSeedZeroIsTheOldTuningSeed() {
        TwinSetting twin = setting();
        TuningConfig one = new TuningConfig("inflation", List.of(0.05, 0.2), CYCLES, SPINUP);
        TuningConfig three = one.with(TuningConfig.Search.GRID, 0, 3);
        TwinSetting.Tuned a = twin.tune(PRIOR, one, 1);
        TwinSetting.Tuned b = twin.tune(PRIOR, three, 1);
        for (int k = 0; k < 2; k++) {
            double v = one.grid().get(k);
            double r0 = rmse(twin, v, 0);
            double mean = (r0 + rmse(twin, v, 1) + rmse(twin, v, 2)) / 3;
            assertThat(a.points().get(k).rmseAnalysis()).isEqualTo(r0);
            assertThat(b.points().get(k).rmseAnalysis()).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-12))
                    .isNotEqualTo(r0);
        }
        assertThat(TwinSetting.tuningSeed(7, 0)).isEqualTo(org.vaevar.api.util.Seeds.derive(7, "tuning"));
        assertThat(TwinSetting.tuningSeed(7, 1)).isEqualTo(org.vaevar.api.util.Seeds.derive(7, "tuning/1"));
    }

    @Test
    void theAdaptiveSearchSpendsItsBudgetAndMayLeaveTheCoarseGrid() {
        TwinSetting twin = setting();
        TuningConfig adaptive = new TuningConfig("inflation", List.of(1.0, 4.0), CYCLES, SPINUP,
                TuningConfig.Search.ADAPTIVE, 5, 1, 1e3);
        TwinSetting.Tuned t = twin.tune(PRIOR, adaptive, 1);
        assertThat(t.points()).hasSize(5);
        assertThat(t.points().subList(0, 2)).extracting(ExperimentResult.TuningPoint::value).containsExactly(1.0, 4.0);
        double best = t.points().stream().mapToDouble(ExperimentResult.TuningPoint::rmseAnalysis).min().orElseThrow();
        double chosen = ((Number) t.chosen()).doubleValue();
        assertThat(t.points()).filteredOn(p -> p.value() == chosen).first()
                .satisfies(p -> assertThat(p.rmseAnalysis()).isEqualTo(best));
        // The climatological B of Lorenz 63 is far too wide at inflation 1: the search goes below the grid.
        assertThat(chosen).isLessThan(1.0);
        assertThat(twin.tune(PRIOR, adaptive, 1).points()).isEqualTo(t.points());
    }
}
