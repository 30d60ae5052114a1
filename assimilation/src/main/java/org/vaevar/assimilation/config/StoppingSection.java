package org.vaevar.assimilation.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import org.vaevar.api.StoppingCriteria;

/**
 * The {@code stopping} section: any field left out keeps {@link StoppingCriteria#defaults()}. (StoppingCriteria
 * lives in the API, free of Jackson; its own checks name the field, the binding prefixes {@code stopping.}.)
 */
record StoppingSection(Integer maxIterations, Integer maxEvaluations, Double gradientTolerance,
                       Double relativeCostTolerance) {

    StoppingCriteria criteria() {
        StoppingCriteria d = StoppingCriteria.defaults();
        return new StoppingCriteria(maxIterations != null ? maxIterations : d.maxIterations(),
                maxEvaluations != null ? maxEvaluations : d.maxEvaluations(),
                gradientTolerance != null ? gradientTolerance : d.gradientTolerance(),
                relativeCostTolerance != null ? relativeCostTolerance : d.relativeCostTolerance());
    }

    static final class Deserializer extends JsonDeserializer<StoppingCriteria> {
        @Override
        public StoppingCriteria deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return ctxt.readValue(p, StoppingSection.class).criteria();
        }
    }
}
