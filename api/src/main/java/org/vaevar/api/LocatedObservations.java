package org.vaevar.api;

/**
 * An optional observation-operator capability: observation j is located at the grid point of one state
 * component, so its distance to any state component is the model's {@link SpatialGrid} distance.
 */
public interface LocatedObservations {

    /** The state component at whose grid point observation j is taken. */
    int location(int observation);
}
