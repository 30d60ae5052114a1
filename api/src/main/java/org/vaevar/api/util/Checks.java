package org.vaevar.api.util;

/** Argument checks whose messages name the field and the offending value. */
public final class Checks {

    private Checks() {
    }

    public static void dimension(String field, double[] v, int expected) {
        if (v == null) {
            throw new IllegalArgumentException(field + " is missing (null); expected " + expected + " entries");
        }
        if (v.length != expected) {
            throw new IllegalArgumentException(field + " has " + v.length + " entries; expected " + expected);
        }
    }

    /** Every entry finite; otherwise names the first bad index and value. */
    public static void finite(String field, double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(field + "[" + i + "] = " + v[i] + ": must be finite");
            }
        }
    }

    public static void finiteWithDimension(String field, double[] v, int expected) {
        dimension(field, v, expected);
        finite(field, v);
    }

    public static void positive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " = " + value + ": must be positive");
        }
    }

    public static void positive(String field, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " = " + value + ": must be positive and finite");
        }
    }

    public static void nonNegative(String field, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " = " + value + ": must be non-negative and finite");
        }
    }
}
