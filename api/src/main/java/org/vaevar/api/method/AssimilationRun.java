package org.vaevar.api.method;

import java.util.List;

/** One run of an {@link AssimilationMethod}: holds the current background (a state or an ensemble). Not thread-safe. */
public interface AssimilationRun {

    /**
     * Analyses the window's observations from the current background and forecasts to the next window start,
     * which becomes the background of the next call.
     *
     * @param observations y_j for j = 0 … K − 1, y_j at the window start plus j observation intervals; not modified
     * @return what the cycle did; a run that blew up returns non-finite states rather than throwing
     */
    CycleOutcome cycle(List<double[]> observations);
}
