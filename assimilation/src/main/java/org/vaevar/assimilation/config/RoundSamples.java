package org.vaevar.assimilation.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a self-consistent round retrains on ({@code calibration.roundSamples}), from the method's own background
 * errors δ = xᵗ − xb on the calibration sample seeds.
 */
public enum RoundSamples {
    /** The new samples as they are. */
    NEW("new"),
    /** The new samples with their mean correction removed, δ − δ̄: a prior then cannot learn its own bias back. */
    CENTRED("centred"),
    /** The previous round's samples and the new ones together. */
    MIXED("mixed"),
    /** Both: previous ∪ new, the new ones centred. */
    CENTRED_MIXED("centred-mixed");

    private final String key;

    RoundSamples(String key) {
        this.key = key;
    }

    @JsonValue
    public String key() {
        return key;
    }

    public boolean centres() {
        return this == CENTRED || this == CENTRED_MIXED;
    }

    public boolean mixes() {
        return this == MIXED || this == CENTRED_MIXED;
    }

    @JsonCreator
    public static RoundSamples of(String key) {
        for (RoundSamples s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        throw new ConfigException("calibration.roundSamples = " + key + ": unknown; one of "
                + Arrays.stream(values()).map(RoundSamples::key).collect(Collectors.joining(", ")));
    }
}
