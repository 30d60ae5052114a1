package org.vaevar.api.plugin;

import java.nio.file.Path;
import java.util.Map;
import org.vaevar.api.util.ProgressListener;

/**
 * What the harness offers a prior while building it. Expensive items (samples, climatology) are produced on
 * first request, so a prior that needs neither (a σ²I Gaussian, a VAE loaded from a file) costs nothing.
 */
public interface PriorContext {

    /** n. */
    int stateDimension();

    /**
     * Background-error samples from the calibration protocol (errors of the tuned 3DVar on separate seeds).
     * Throws {@link IllegalStateException} naming the reason when the experiment has no calibration.
     */
    BackgroundErrorSamples backgroundErrors();

    /** States of a long free model run, one per row (for climatological B). */
    double[][] climatology();

    /** The seed of this prior's own random stream (training, sampling), derived from the master seed. */
    long seed();

    /**
     * A description of the experiment setup the prior is built for (model and its parameters, observation
     * operator, ...), recorded by trained priors in their files and checked when they are loaded.
     */
    Map<String, Object> setup();

    /** A directory where a prior may cache what it trained, keyed by its own settings. */
    Path cacheDirectory();

    ProgressListener progress();
}
