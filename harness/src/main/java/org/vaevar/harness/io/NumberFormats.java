package org.vaevar.harness.io;

import java.util.Locale;

/**
 * How the harness prints numbers and durations for people (tables, chart legends, progress lines), in one place
 * and always with {@link Locale#ROOT}. Files meant to be read back (CSV, JSON) keep exact representations
 * instead.
 */
public final class NumberFormats {

    private NumberFormats() {
    }

    /**
     * {@code precision} digits after the point; integers exactly. A non-zero value that would round to zero
     * (|x| &lt; 0.5·10<sup>-precision</sup>) or one with |x| &ge; 10<sup>9</sup> is printed in scientific
     * notation; non-finite values as {@code NaN}, {@code inf}, {@code -inf}.
     */
    public static String fixed(Number v, int precision) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof java.math.BigInteger) {
            return v.toString();
        }
        double x = v.doubleValue();
        if (!Double.isFinite(x)) {
            return nonFinite(x);
        }
        double ax = Math.abs(x);
        boolean tiny = ax != 0 && ax < 0.5 * Math.pow(10, -precision);
        if (tiny || ax >= 1e9) {
            return String.format(Locale.ROOT, "%." + Math.max(precision, 1) + "e", x);
        }
        return String.format(Locale.ROOT, "%." + precision + "f", x);
    }

    /** Four significant digits ({@code 0.9929}, {@code 2.500}, {@code 1.200e-05}); non-finite as in {@link #fixed}. */
    public static String significant4(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : nonFinite(v);
    }

    /** A tuned scalar as a label shows it: four significant digits without trailing zeros ({@code 0.8024}, {@code 1.05}, {@code 3}). */
    public static String compact(double v) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** A duration as {@code m:ss} or {@code h:mm:ss}; {@code ?} when negative or not finite. */
    public static String clock(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "?";
        }
        long s = Math.round(seconds);
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
                : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }

    /** A throughput: {@code 1234/s}, {@code 2.5/s}, or per item when below one a second ({@code 4.0 s/it}). */
    public static String rate(double perSecond) {
        if (!(perSecond > 0)) {
            return "-/s";
        }
        if (perSecond >= 1) {
            return String.format(Locale.ROOT, perSecond >= 100 ? "%.0f/s" : "%.1f/s", perSecond);
        }
        return String.format(Locale.ROOT, "%.1f s/it", 1 / perSecond); // slow work reads better per item
    }

    private static String nonFinite(double x) {
        return Double.isNaN(x) ? "NaN" : x > 0 ? "inf" : "-inf";
    }
}
