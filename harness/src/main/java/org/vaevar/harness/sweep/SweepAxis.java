package org.vaevar.harness.sweep;

import java.util.List;

/**
 * One axis of a sweep: a config path (dotted, as for {@code --set}) and the values it takes.
 *
 * @param path   e.g. {@code observations.noise}
 * @param values at least one value (numbers, text, booleans, lists or objects, as JSON gives them)
 */
public record SweepAxis(String path, List<Object> values) {

    public SweepAxis {
        values = List.copyOf(values);
    }

    /** Whether every value is a number (then the axis gets an RMSE figure). */
    public boolean numeric() {
        return values.stream().allMatch(v -> v instanceof Number);
    }

    /** The last part of the path, for labels: {@code noise}. */
    public String shortName() {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
