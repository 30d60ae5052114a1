package org.vaevar.assimilation.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the truth is observed.
 *
 * @param operator the observation operator plugin (e.g. linear, every 2nd component)
 * @param interval model steps between observation times (≥ 1)
 * @param noise    standard deviation of the observation error, R = noise² I (> 0)
 */
public record ObservationConfig(PluginConfig operator, int interval, double noise) {

    public ObservationConfig {
        if (interval < 1) {
            throw new ConfigException("observations.interval = " + interval + ": must be at least 1");
        }
        if (!(noise > 0) || !Double.isFinite(noise)) {
            throw new ConfigException("observations.noise = " + noise + ": must be positive and finite");
        }
    }

    /** As JSON holds it, in a fixed order (it enters summaries and the keys of trained-prior caches). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operator", operator.toMap());
        m.put("interval", interval);
        m.put("noise", noise);
        return m;
    }
}
