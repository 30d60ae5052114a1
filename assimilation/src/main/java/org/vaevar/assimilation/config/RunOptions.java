package org.vaevar.assimilation.config;

import java.nio.file.Path;
import org.vaevar.api.util.ProgressListener;

/**
 * How to run, as opposed to what to run: where trained priors are cached and who hears about progress.
 */
public record RunOptions(Path cacheDirectory, ProgressListener progress) {

    public static RunOptions defaults() {
        return new RunOptions(Path.of(".vaevar-cache"), ProgressListener.SILENT);
    }
}
