package org.vaevar.assimilation.experiment;

/**
 * Components of the truth, background and analysis at each window start; rows are cycles.
 *
 * @param components the component indices stored, one column each
 */
public record Trajectory(int[] components, double[] times, double[][] truth, double[][] background,
                         double[][] analysis) {
}
