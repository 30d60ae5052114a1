package org.vaevar.harness.plots;

import java.util.Map;
import java.util.Objects;

/** Checks of plot inputs that name the offending field and index. */
final class PlotInputs {

    private PlotInputs() {
    }

    /** Non-empty, every entry finite (coordinates such as times and x values). */
    static double[] requireFinite(String field, double[] v) {
        Objects.requireNonNull(v, field);
        if (v.length == 0) {
            throw new IllegalArgumentException(field + " is empty");
        }
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(field + "[" + i + "] = " + v[i] + ": must be finite");
            }
        }
        return v;
    }

    static double[] requireLength(String field, double[] v, int n) {
        if (v == null) {
            throw new IllegalArgumentException(field + " is missing (null)");
        }
        if (v.length != n) {
            throw new IllegalArgumentException(field + " has " + v.length + " values; expected " + n);
        }
        return v;
    }

    static void requireNonEmpty(String field, Map<String, ?> map) {
        Objects.requireNonNull(map, field);
        if (map.isEmpty()) {
            throw new IllegalArgumentException(field + " is empty: nothing to plot");
        }
    }
}
