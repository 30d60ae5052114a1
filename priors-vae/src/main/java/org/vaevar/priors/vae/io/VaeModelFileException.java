package org.vaevar.priors.vae.io;

import java.nio.file.Path;

/** A VAE model file was refused (corrupt, truncated, unknown version, or made for another state or setup). */
public final class VaeModelFileException extends IllegalArgumentException {

    private final transient Path file;

    public VaeModelFileException(Path file, String problem) {
        super("VAE model file " + file + ": " + problem);
        this.file = file;
    }

    public VaeModelFileException(Path file, String problem, Throwable cause) {
        super("VAE model file " + file + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
