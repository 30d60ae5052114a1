package org.vaevar.priors.vae;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vaevar.api.plugin.BackgroundErrorSamples;
import org.vaevar.api.plugin.PriorContext;
import org.vaevar.api.util.ProgressListener;

/**
 * A {@link PriorContext} for tests: fixed synthetic samples, a temporary cache directory, a fixed seed, and a
 * progress listener that records every update.
 */
public final class FakePriorContext implements PriorContext {

    /** One progress update. */
    public record Update(String task, long done, long total, String status) {
    }

    private final BackgroundErrorSamples samples;
    private final long seed;
    private final Map<String, Object> setup;
    private final Path cache;
    private final List<Update> updates = new ArrayList<>();
    private int sampleRequests;

    public FakePriorContext(BackgroundErrorSamples samples, long seed, Map<String, Object> setup, Path cache) {
        this.samples = samples;
        this.seed = seed;
        this.setup = setup;
        this.cache = cache;
    }

    @Override
    public int stateDimension() {
        return samples.dimension();
    }

    @Override
    public BackgroundErrorSamples backgroundErrors() {
        sampleRequests++;
        return samples;
    }

    @Override
    public double[][] climatology() {
        throw new IllegalStateException("the fake context has no climatology");
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public Map<String, Object> setup() {
        return setup;
    }

    @Override
    public Path cacheDirectory() {
        return cache;
    }

    @Override
    public ProgressListener progress() {
        return (task, done, total, status) -> updates.add(new Update(task, done, total, status));
    }

    public List<Update> updates() {
        return updates;
    }

    public int sampleRequests() {
        return sampleRequests;
    }
}
