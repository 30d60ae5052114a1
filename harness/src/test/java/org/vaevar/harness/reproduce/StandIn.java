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

    /** The shipped comparison grid. */
    static ComparisonGrid grid() {
        return GridFile.shipped(org.vaevar.api.plugin.PluginRegistry.discover(StandIn.class.getClassLoader()));
    }

    /** The smoke plan with the stand-in as learned prior and its ablation on both settings. */
    static Plan smokePlan(int seeds) {
        ComparisonGrid g = grid();
        return Plan.of(g, Mode.SMOKE, g.schedule(Mode.SMOKE), g.settings(Mode.SMOKE), Plan.DEFAULT_MASTER_SEED,
                seeds, learnedPrior(), null, true, g.ablationSettings(Mode.SMOKE));
    }
}
