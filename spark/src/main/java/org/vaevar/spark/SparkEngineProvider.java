package org.vaevar.spark;

import org.vaevar.harness.sweep.EngineOptions;
import org.vaevar.harness.sweep.SweepEngine;
import org.vaevar.harness.sweep.SweepEngineProvider;

/** {@code --engine spark}. */
public final class SparkEngineProvider implements SweepEngineProvider {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public SweepEngine create(EngineOptions options) {
        return new SparkEngine(options);
    }
}
