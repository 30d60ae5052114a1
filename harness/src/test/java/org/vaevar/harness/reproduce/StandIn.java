package org.vaevar.harness.reproduce;

import java.util.List;
import java.util.Map;
import org.vaevar.assimilation.config.PluginConfig;

/**
 * A stand-in for a learned prior, so the learned-prior paths (improvement column, ablations) are tested before
 * the vae plugin exists: the Gaussian prior with the climatological B, tuned over the same grid, and one ablation
 * (a diagonal B). Its numbers mean nothing; only the bookkeeping is under test.
 */
final class StandIn {

    private StandIn() {
    }

    static LearnedPrior learnedPrior() {
        return new LearnedPrior("standin", "inflation",
                s -> PluginConfig.of("gaussian", "covariance", "climatology"),
                List.of(new LearnedPrior.Ablation("covariance=diagonal", "a diagonal B",
                        Map.of("covariance", "diagonal", "variance", 1.0))));
    }

    /** The smoke plan with the stand-in as learned prior and its ablation on both settings. */
    static Plan smokePlan(int seeds) {
        return Plan.of(Mode.SMOKE, PaperGrid.schedule(Mode.SMOKE), PaperGrid.smoke(), Plan.DEFAULT_MASTER_SEED,
                seeds, learnedPrior(), null, true, PaperGrid.ablationSettings(Mode.SMOKE));
    }
}
