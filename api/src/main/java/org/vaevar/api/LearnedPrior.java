package org.vaevar.api;

import java.nio.file.Path;
import java.util.Map;

/**
 * An optional capability of a {@link BackgroundPrior} learned from samples: it saves itself to a model file that
 * its provider reads back (through the parameter its provider names in
 * {@link org.vaevar.api.plugin.PriorProvider#modelFileParameter()}), and reports how its training went. Callers
 * test for it with {@code instanceof}, so an application can train and save any learned prior without naming it.
 */
public interface LearnedPrior {

    /** Writes the prior to {@code file} atomically: a reader never sees a half-written model. */
    void save(Path file);

    /**
     * How training went, as ordered plain values for a table or a JSON summary. Keys every learned prior should
     * give where they apply: {@code samples}, {@code epochs}, {@code bestEpoch}, {@code trainLoss},
     * {@code validationLoss}, {@code seconds}.
     */
    Map<String, Object> trainingReport();
}
