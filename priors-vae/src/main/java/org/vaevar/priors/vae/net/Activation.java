package org.vaevar.priors.vae.net;

import java.util.Locale;
import org.vaevar.api.parallel.Blocks;

/**
 * The smooth activations a decoder may use (a decoder must be twice differentiable: its first derivative enters
 * the tangent-linear and adjoint, its second the gradient of the optional log|det ∂D/∂z| term), with their
 * values and first two derivatives in double. The training graph uses ND4J's own implementation of the same
 * function; {@code Nd4jAgreementTest} checks that both agree to float precision.
 */
public enum Activation {
    /** f(a) = a: output layers. */
    IDENTITY,
    /** f(a) = tanh a. */
    TANH,
    /** f(a) = a for a &gt; 0, eᵃ − 1 otherwise (α = 1): C¹, its second derivative jumps at 0. */
    ELU,
    /** f(a) = log(1 + eᵃ). */
    SOFTPLUS,
    /** f(a) = a·s(a) with s the logistic sigmoid (SiLU). */
    SWISH;

    /** The lower-case names accepted as parameter values (identity is for output layers only). */
    public static final String[] HIDDEN_NAMES = {"tanh", "elu", "softplus", "swish"};

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a lower-case name, e.g. "tanh". */
    public static Activation parse(String name) {
        for (Activation a : values()) {
            if (a.id().equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("activation = " + name + ": unknown; known: identity, tanh, elu, "
                + "softplus, swish (relu is refused: the decoder must be differentiable)");
    }

    /**
     * Writes f(a), f'(a) and f''(a) for every entry of {@code a} (any of the outputs may be null when not needed).
     */
    public void evaluate(double[] a, double[] f, double[] df, double[] d2f) {
        // Entry-wise, so blocks of a large layer (Blocks) give the serial loop's values for any thread count.
        Blocks.forEach(a.length, 32, (from, to) -> evaluate(a, f, df, d2f, from, to)); // tanh, exp: ~30 flops
    }

    private void evaluate(double[] a, double[] f, double[] df, double[] d2f, int from, int to) {
        if (this == TANH && d2f == null) { // the hot path of every decoder pass: no switch per entry
            for (int i = from; i < to; i++) {
                double v = tanh(a[i]);
                if (f != null) {
                    f[i] = v;
                }
                if (df != null) {
                    df[i] = 1 - v * v;
                }
            }
            return;
        }
        for (int i = from; i < to; i++) {
            double x = a[i];
            double v;
            double d1;
            double d2;
            switch (this) {
                case IDENTITY -> {
                    v = x;
                    d1 = 1;
                    d2 = 0;
                }
                case TANH -> {
                    v = tanh(x);
                    d1 = 1 - v * v;             // tanh' = 1 − tanh²
                    d2 = -2 * v * d1;           // tanh'' = −2 tanh · tanh'
                }
                case ELU -> {
                    if (x > 0) {
                        v = x;
                        d1 = 1;
                        d2 = 0;
                    } else {
                        double e = Math.exp(x);
                        v = Math.expm1(x);
                        d1 = e;
                        d2 = e;
                    }
                }
                case SOFTPLUS -> {
                    double s = sigmoid(x);
                    v = Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))); // stable log(1 + eˣ)
                    d1 = s;
                    d2 = s * (1 - s);
                }
                case SWISH -> {
                    double s = sigmoid(x);
                    v = x * s;
                    d1 = s + x * s * (1 - s);                  // (x s)' = s + x s'
                    d2 = s * (1 - s) * (2 + x * (1 - 2 * s));  // s' = s(1−s), s'' = s'(1−2s)
                }
                default -> throw new AssertionError(this);
            }
            if (f != null) {
                f[i] = v;
            }
            if (df != null) {
                df[i] = d1;
            }
            if (d2f != null) {
                d2f[i] = d2;
            }
        }
    }

    /**
     * tanh through one {@link Math#exp} (a JIT intrinsic: about 8 ns here against about 50 ns for
     * {@link Math#tanh}, measured), with its Taylor series below |x| = 1/8 where 1 − e^{−2|x|} would cancel.
     * Agrees with {@link Math#tanh} to a few ulps ({@code ActivationTest}).
     */
    static double tanh(double x) {
        double ax = Math.abs(x);
        if (ax < 0.125) {
            // x − x³/3 + 2x⁵/15 − 17x⁷/315 + 62x⁹/2835 − 1382x¹¹/155925 + 21844x¹³/6081075 − 929569x¹⁵/638512875;
            // the next term is below 1e-17 relative here.
            double x2 = x * x;
            return x * (1 + x2 * (-1.0 / 3 + x2 * (2.0 / 15 + x2 * (-17.0 / 315 + x2 * (62.0 / 2835
                    + x2 * (-1382.0 / 155925 + x2 * (21844.0 / 6081075 + x2 * (-929569.0 / 638512875))))))));
        }
        double e = Math.exp(-2 * ax);
        return Math.copySign((1 - e) / (1 + e), x);
    }

    private static double sigmoid(double x) {
        // Stable for large |x|: never exponentiates a large positive number.
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }
}
