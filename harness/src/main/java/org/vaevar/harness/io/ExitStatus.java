package org.vaevar.harness.io;

import com.google.inject.ConfigurationException;
import com.google.inject.CreationException;
import com.google.inject.ProvisionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import org.vaevar.api.NonFiniteStateException;
import org.vaevar.assimilation.experiment.DivergenceException;

/**
 * The exit codes of {@code ./vaevar} and the one line that explains each failure. The README documents every code.
 *
 * <ul>
 *   <li>{@value #OK}: success (and {@code --help});</li>
 *   <li>{@value #UNEXPECTED}: an unexpected failure (a bug): the stack trace follows the line;</li>
 *   <li>{@value #BAD_INPUT}: bad input: the command line, a config field, a plugin parameter, a data or model file,
 *       an output path that must not be used (not a run directory, protected, a file);</li>
 *   <li>{@value #DIVERGED}: the run diverged (a non-finite state), naming the cycle;</li>
 *   <li>{@value #CANNOT_WRITE}: the output could not be written: permission denied, read-only or full file system,
 *       or another run took the same {@code --out} first;</li>
 *   <li>{@value #OUT_OF_MEMORY}: the run needed more memory than the Java heap has (sizes the up-front check did
 *       not foresee).</li>
 * </ul>
 */
public final class ExitStatus {

    public static final int OK = 0;
    public static final int UNEXPECTED = 1;
    public static final int BAD_INPUT = 2;
    public static final int DIVERGED = 3;
    public static final int CANNOT_WRITE = 4;
    public static final int OUT_OF_MEMORY = 5;

    private ExitStatus() {
    }

    /** The exit code for a failure (after {@link #unwrap}). */
    public static int of(Throwable failure) {
        Throwable e = unwrap(failure);
        if (e instanceof DivergenceException || e instanceof NonFiniteStateException) {
            return DIVERGED;
        }
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            return BAD_INPUT;
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            return CANNOT_WRITE;
        }
        if (e instanceof OutOfMemoryError) {
            return OUT_OF_MEMORY;
        }
        return UNEXPECTED;
    }

    /** The one line printed for a failure (without the "vaevar: " prefix). */
    public static String message(Throwable failure) {
        Throwable e = unwrap(failure);
        if (e instanceof DivergenceException) {
            return e.getMessage();
        }
        if (e instanceof NonFiniteStateException) {
            return "diverged: " + e.getMessage();
        }
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            return "error: " + e.getMessage();
        }
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            return "error: " + ioMessage(u.getCause()) + " (exit " + CANNOT_WRITE + ": cannot read or write a file)";
        }
        if (e instanceof IOException io) {
            return "error: " + ioMessage(io) + " (exit " + CANNOT_WRITE + ": cannot read or write a file)";
        }
        if (e instanceof OutOfMemoryError) {
            return "error: out of memory: the run needs more than the " + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MiB Java heap; make the problem smaller (model size, cycles, climatologySamples) or give"
                    + " Java more, e.g. VAEVAR_JAVA_OPTS=-Xmx8g";
        }
        return "unexpected failure: " + e;
    }

    /** "path: reason" for file-system errors, whose own messages are often the bare path. */
    static String ioMessage(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            String reason = f.getReason();
            if (reason == null || reason.isBlank()) {
                reason = e instanceof AccessDeniedException ? "permission denied"
                        : e instanceof java.nio.file.FileAlreadyExistsException ? "already exists"
                        : e instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
                        : e instanceof java.nio.file.NotDirectoryException ? "not a directory"
                        : e.getClass().getSimpleName();
            }
            return f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") + ": " + reason;
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** Guice and executors wrap what a provider or task throws; the user wants the cause. */
    public static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while (true) {
            Throwable cause = null;
            if (t instanceof ProvisionException p && !p.getErrorMessages().isEmpty()) {
                cause = p.getErrorMessages().iterator().next().getCause();
            } else if (t instanceof CreationException c && !c.getErrorMessages().isEmpty()) {
                cause = c.getErrorMessages().iterator().next().getCause();
            } else if (t instanceof ConfigurationException c && !c.getErrorMessages().isEmpty()) {
                cause = c.getErrorMessages().iterator().next().getCause();
            } else if (t instanceof java.util.concurrent.ExecutionException
                    || t instanceof java.util.concurrent.CompletionException) {
                cause = t.getCause();
            }
            if (cause == null || cause == t) {
                return t;
            }
            t = cause;
        }
    }
}
