package org.vaevar.ensemble;

/**
 * The kernel of the ensemble-space products: out_k += Σ_j c_j r_j,k over rows j in [first, last), components k
 * in [from, to). Four rows per pass halve the loads and stores of {@code out} against one row at a time, and the
 * sum is still taken left to right over j in order (((out + c₀r₀) + c₁r₁) + …), so it rounds exactly like the
 * plain loop. The inner loop runs along contiguous rows, which the JIT vectorises.
 */
final class RowCombination {

    private RowCombination() {
    }

    /** {@code out} must not be one of the rows read. */
    static void add(double[] out, int from, int to, double[] c, double[][] rows, int first, int last) {
        int j = first;
        for (; j + 3 < last; j += 4) {
            double c0 = c[j];
            double c1 = c[j + 1];
            double c2 = c[j + 2];
            double c3 = c[j + 3];
            double[] r0 = rows[j];
            double[] r1 = rows[j + 1];
            double[] r2 = rows[j + 2];
            double[] r3 = rows[j + 3];
            for (int k = from; k < to; k++) {
                out[k] = out[k] + c0 * r0[k] + c1 * r1[k] + c2 * r2[k] + c3 * r3[k];
            }
        }
        for (; j < last; j++) {
            double cj = c[j];
            double[] rj = rows[j];
            for (int k = from; k < to; k++) {
                out[k] += cj * rj[k];
            }
        }
    }

    /** out_k += Σ_j (c_j r_j,k) t_j, in the same order and association. */
    static void addTapered(double[] out, int from, int to, double[] c, double[][] rows, double[] t, int first,
            int last) {
        int j = first;
        for (; j + 3 < last; j += 4) {
            double c0 = c[j];
            double c1 = c[j + 1];
            double c2 = c[j + 2];
            double c3 = c[j + 3];
            double t0 = t[j];
            double t1 = t[j + 1];
            double t2 = t[j + 2];
            double t3 = t[j + 3];
            double[] r0 = rows[j];
            double[] r1 = rows[j + 1];
            double[] r2 = rows[j + 2];
            double[] r3 = rows[j + 3];
            for (int k = from; k < to; k++) {
                out[k] = out[k] + c0 * r0[k] * t0 + c1 * r1[k] * t1 + c2 * r2[k] * t2 + c3 * r3[k] * t3;
            }
        }
        for (; j < last; j++) {
            double cj = c[j];
            double tj = t[j];
            double[] rj = rows[j];
            for (int k = from; k < to; k++) {
                out[k] += cj * rj[k] * tj;
            }
        }
    }
}
