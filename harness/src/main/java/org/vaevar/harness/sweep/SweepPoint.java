package org.vaevar.harness.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point of a sweep's grid: a value for every axis.
 *
 * @param index  position in the grid (task files are named by it: {@code p003})
 * @param values axis path to value, in axis order
 */
public record SweepPoint(int index, Map<String, Object> values) {

    public SweepPoint {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** {@code p003}: the point's part of task ids. */
    public String key() {
        return String.format(java.util.Locale.ROOT, "p%03d", index);
    }

    /**
     * The point by its values, {@code observations.noise=0.5, observations.interval=10}: the setting's id in the
     * tables and the name its seed stream derives from (so it does not depend on the point's position).
     */
    public String id() {
        if (values.isEmpty()) {
            return "base";
        }
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(Values.text(v)));
        return sb.toString();
    }
}
