package org.vaevar.api;

/**
 * An optional model capability: the state components sit on a grid with a distance between them, which
 * localised methods (the LETKF) use to weight observations by proximity. A model without a grid (Lorenz 63) does
 * not implement it, and a method that needs one refuses the model.
 */
public interface SpatialGrid {

    /** Distance between the grid points of state components i and j: symmetric, ≥ 0, and 0 for i = j. */
    double distance(int i, int j);
}
