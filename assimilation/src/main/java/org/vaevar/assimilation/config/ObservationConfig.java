package org.vaevar.assimilation.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * How the truth is observed.
 *
 * @param operator the observation operator plugin (e.g. linear, every 2nd component)
 * @param interval model steps between observation times (≥ 1)
 * @param noise    standard deviation of the observation error, R = noise² I (> 0)
 */
public record ObservationConfig(PluginConfig operator, int interval, double noise) {

    /** Every component observed, every model step, R = I. */
    public static final ObservationConfig DEFAULTS = new ObservationConfig(PluginConfig.of("linear"), 1, 1.0);

    public ObservationConfig {
        if (interval < 1) {
            throw new ConfigException("observations.interval = " + interval + ": must be at least 1");
        }
        if (!Double.isFinite(noise)) {
            throw new ConfigException("observations.noise = " + noise + ": must be finite");
        }
        if (!(noise > 0)) {
            throw new ConfigException("observations.noise = " + noise + ": must be positive");
        }
    }

    /**
     * From a config: R = noise² I, given as the standard deviation {@code noise} or as {@code variance} (not
     * both); an absent field keeps {@link #DEFAULTS}.
     */
    @JsonCreator
    static ObservationConfig bind(@JsonProperty("operator") PluginConfig operator,
                                  @JsonProperty("interval") Integer interval, @JsonProperty("noise") Double noise,
                                  @JsonProperty("variance") Double variance) {
        if (noise != null && variance != null) {
            throw new ConfigException("observations.noise and observations.variance are both given: give one");
        }
        String field = variance != null ? "observations.variance" : "observations.noise";
        double given = variance != null ? variance : noise != null ? noise : DEFAULTS.noise;
        if (!(given > 0)) {
            throw new ConfigException(field + " = " + given + ": must be positive");
        }
        double sd = variance != null ? Math.sqrt(variance) : given;
        double r = sd * sd;
        if (!Double.isFinite(r) || r < Double.MIN_NORMAL) {
            throw new ConfigException(field + " = " + given + ": too " + (Double.isFinite(r) ? "small" : "large")
                    + ": the variance R = noise² must be a normal double (noise between 1e-150 and 1e150)");
        }
        return new ObservationConfig(operator != null ? operator : DEFAULTS.operator,
                interval != null ? interval : DEFAULTS.interval, sd);
    }

    /** As JSON holds it, in a fixed order (it enters summaries and the keys of trained-prior caches). */
    public Map<String, Object> toMap() {
        return ConfigBinding.tree(this);
    }
}
