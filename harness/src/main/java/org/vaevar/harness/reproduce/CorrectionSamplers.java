package org.vaevar.harness.reproduce;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Optional;
import org.vaevar.api.BackgroundPrior;

/** Finds the {@link CorrectionSampler} capability of a prior, if it has one. */
public final class CorrectionSamplers {

    private CorrectionSamplers() {
    }

    /**
     * The prior itself if it implements {@link CorrectionSampler}; else an adapter over its public
     * {@code sampleCorrections(double[], int, long)} method returning {@code double[][]}, if it has one; else
     * empty.
     */
    public static Optional<CorrectionSampler> of(BackgroundPrior prior) {
        if (prior instanceof CorrectionSampler s) {
            return Optional.of(s);
        }
        Method m;
        try {
            m = prior.getClass().getMethod("sampleCorrections", double[].class, int.class, long.class);
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
        if (m.getReturnType() != double[][].class || Modifier.isStatic(m.getModifiers())) {
            return Optional.empty();
        }
        return Optional.of((background, count, seed) -> {
            try {
                return (double[][]) m.invoke(prior, background, count, seed);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(prior.name() + ".sampleCorrections failed: " + cause, cause);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(prior.name() + ".sampleCorrections is not accessible: " + e, e);
            }
        });
    }
}
