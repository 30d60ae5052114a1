package org.vaevar.harness.sweep;

import org.vaevar.assimilation.config.ExperimentConfig;
import org.vaevar.assimilation.config.PluginConfig;

/**
 * What a setting's shared work (climatology, calibration) depends on: the config without the fields a method
 * brings (prior, window, method, tuning, cycles). Methods whose configs have the same key share one
 * {@code TwinSetting}, built from the neutral config, so it is the same whichever method builds it first.
 */
final class TwinKey {

    private TwinKey() {
    }

    static ExperimentConfig neutral(ExperimentConfig c) {
        return c.toBuilder().name("setting").description("").prior(PluginConfig.of("gaussian")).window(1)
                .cycles(1).spinupCycles(0).tuning(null).method(null).expected(null).build();
    }

    static String of(ExperimentConfig c) {
        return Values.canonical(neutral(c).toMap());
    }
}
