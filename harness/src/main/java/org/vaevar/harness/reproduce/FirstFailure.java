package org.vaevar.harness.reproduce;

import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The first fatal failure among work items running side by side: once one item fails with anything it did not turn
 * into a result, every later item is skipped and the failure is rethrown when the run ends.
 */
final class FirstFailure {

    private final AtomicReference<Throwable> first = new AtomicReference<>();

    /** {@code work}, skipped when an item failed before it; its own failure is recorded, then rethrown. */
    <T> Supplier<T> guard(Supplier<T> work) {
        return () -> {
            if (happened()) {
                throw new CompletionException(new Skipped());
            }
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                record(e);
                throw e;
            }
        };
    }

    void record(Throwable t) {
        first.compareAndSet(null, t);
    }

    boolean happened() {
        return first.get() != null;
    }

    /** Throws the first failure, if there was one. */
    void rethrowIfAny() {
        Throwable t = first.get();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    /** An item skipped because another failed first. */
    private static final class Skipped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Skipped() {
            super("skipped after an earlier failure", null, false, false);
        }
    }
}
