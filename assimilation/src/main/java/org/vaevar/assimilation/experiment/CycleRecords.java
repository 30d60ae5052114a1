package org.vaevar.assimilation.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps every cycle's record, for a caller that wants them in memory (tests, a short run's own analysis). Grows
 * with the run: a long run streams its records instead (the CLI writes them to cycles.csv as they come).
 */
public final class CycleRecords implements CycleObserver {

    private final List<CycleRecord> records = new ArrayList<>();

    @Override
    public void cycle(Cycle cycle) {
        records.add(cycle.record());
    }

    /** The records so far, in cycle order. */
    public List<CycleRecord> list() {
        return List.copyOf(records);
    }
}
