package org.vaevar.assimilation.experiment;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.vaevar.api.plugin.BackgroundErrorSamples;
import org.vaevar.api.plugin.PriorContext;
import org.vaevar.api.util.ProgressListener;

/**
 * The {@link PriorContext} of an experiment: calibration samples and climatology are computed on first request
 * and then shared by every prior built from this context (tuning builds many).
 */
public final class ExperimentPriorContext implements PriorContext {

    private final int stateDimension;
    private final Memo<BackgroundErrorSamples> samples;
    private final Memo<double[][]> climatology;
    private final long seed;
    private final Map<String, Object> setup;
    private final Path cacheDirectory;
    private final ProgressListener progress;

    public ExperimentPriorContext(int stateDimension, Supplier<BackgroundErrorSamples> samples,
                                  Supplier<double[][]> climatology, long seed, Map<String, Object> setup,
                                  Path cacheDirectory, ProgressListener progress) {
        this(stateDimension, new Memo<>(samples), new Memo<>(climatology), seed, setup, cacheDirectory, progress);
    }

    private ExperimentPriorContext(int stateDimension, Memo<BackgroundErrorSamples> samples,
                                   Memo<double[][]> climatology, long seed, Map<String, Object> setup,
                                   Path cacheDirectory, ProgressListener progress) {
        this.stateDimension = stateDimension;
        this.samples = samples;
        this.climatology = climatology;
        this.seed = seed;
        // Keep the order: trained priors hash the setup into their cache keys (Map.copyOf would shuffle it).
        this.setup = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(setup));
        this.cacheDirectory = cacheDirectory;
        this.progress = progress;
    }

    /** The same context with given samples (the same climatology, computed at most once). */
    public ExperimentPriorContext withSamples(BackgroundErrorSamples given) {
        return new ExperimentPriorContext(stateDimension, new Memo<>(() -> given), climatology, seed, setup,
                cacheDirectory, progress);
    }

    /** The same context with samples computed on first request (the same climatology). */
    public ExperimentPriorContext withSamples(Supplier<BackgroundErrorSamples> given) {
        return new ExperimentPriorContext(stateDimension, new Memo<>(given), climatology, seed, setup,
                cacheDirectory, progress);
    }

    /** True once the calibration samples were computed (for the summary). */
    public boolean hasSamples() {
        return samples.done();
    }

    @Override public int stateDimension() { return stateDimension; }

    @Override public BackgroundErrorSamples backgroundErrors() { return samples.get(); }

    @Override public double[][] climatology() { return climatology.get(); }

    @Override public long seed() { return seed; }

    @Override public Map<String, Object> setup() { return setup; }

    @Override public Path cacheDirectory() { return cacheDirectory; }

    @Override public ProgressListener progress() { return progress; }

    /** A thread-safe computed-once value. */
    private static final class Memo<T> {
        private final Supplier<T> supplier;
        private T value;

        Memo(Supplier<T> supplier) {
            this.supplier = supplier;
        }

        synchronized T get() {
            if (value == null) {
                value = supplier.get();
            }
            return value;
        }

        synchronized boolean done() {
            return value != null;
        }
    }
}
