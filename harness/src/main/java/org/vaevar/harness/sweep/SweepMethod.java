package org.vaevar.harness.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One method of a sweep: a name for the tables and the config overrides that make it (prior, window, method,
 * tuning, cycles, ...), applied to every point of the grid.
 *
 * @param name      as the tables show it; also part of task file names, so letters, digits, '.', '_' and '-'
 * @param overrides dotted config path to value, applied in order after the axes
 */
public record SweepMethod(String name, Map<String, Object> overrides) {

    public SweepMethod {
        overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }
}
