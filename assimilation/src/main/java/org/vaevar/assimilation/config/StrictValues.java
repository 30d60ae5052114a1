package org.vaevar.assimilation.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The numbers of a config, stricter than Jackson's defaults: an integer field takes 12, 12.0, 1e3 or "12" but
 * never 12.5 (Jackson would truncate it), nor a double beyond 2^53 (not exactly the integer written); a real
 * field must be finite; a list of reals may also be written "0.5, 1" (as {@code --set} gives it). Refusals
 * name the value; the binding adds the path.
 */
final class StrictValues {

    private static final BigDecimal EXACT_DOUBLE = BigDecimal.valueOf(1L << 53);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private StrictValues() {
    }

    /** The module: these deserializers for int, long, double (primitive and boxed), plugins and stopping. */
    static SimpleModule module() {
        SimpleModule m = new SimpleModule("vaevar-config");
        m.addDeserializer(Integer.class, new Ints());
        m.addDeserializer(int.class, new Ints());
        m.addDeserializer(Long.class, new Longs());
        m.addDeserializer(long.class, new Longs());
        m.addDeserializer(Double.class, new Doubles());
        m.addDeserializer(double.class, new Doubles());
        m.addDeserializer(PluginConfig.class, new PluginConfigDeserializer());
        m.addDeserializer(org.vaevar.api.StoppingCriteria.class, new StoppingSection.Deserializer());
        return m;
    }

    /** The value at the parser as plain Java (a number, text, list or map), for reading and for messages. */
    static Object raw(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getNumberValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        return ctxt.readValue(p, Object.class);
    }

    static long integer(Object v) {
        BigDecimal exact;
        try {
            exact = v instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(v.toString().trim());
        } catch (NumberFormatException e) {
            throw Refused.value(v, "must be an integer");
        }
        if (exact.signum() != 0 && exact.stripTrailingZeros().scale() > 0) {
            throw Refused.value(v, "must be an integer");
        }
        if (v instanceof Double && exact.abs().compareTo(EXACT_DOUBLE) > 0 || exact.abs().compareTo(LONG_MAX) > 0) {
            throw Refused.value(v, "too large: " + (v instanceof Double
                    ? "an integer written with an exponent must be at most 2^53 = " + (1L << 53) + " in magnitude"
                    + " (write larger ones in full digits, up to " + Long.MAX_VALUE + ")"
                    : "must be at most " + Long.MAX_VALUE + " in magnitude"));
        }
        return exact.longValueExact();
    }

    static double real(Object v) {
        double d;
        try {
            d = v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
            throw Refused.value(v, "must be a number");
        }
        if (!Double.isFinite(d)) {
            throw Refused.value(v, "must be finite");
        }
        return d;
    }

    static List<Double> reals(Object v) {
        List<?> items = v instanceof List<?> l ? l
                : List.of(v.toString().replace("[", "").replace("]", "").split("\\s*,\\s*"));
        List<Double> out = new ArrayList<>();
        for (Object item : items) {
            try {
                double d = item instanceof Number n ? n.doubleValue() : Double.parseDouble(item.toString().trim());
                if (!Double.isFinite(d)) {
                    throw new NumberFormatException();
                }
                out.add(d);
            } catch (NumberFormatException e) {
                throw Refused.value(v, "must be a list of finite numbers");
            }
        }
        return List.copyOf(out);
    }

    static final class Ints extends JsonDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            long v = integer(raw(p, ctxt));
            if (v > Integer.MAX_VALUE) {
                throw Refused.value(v, "too large: must be at most " + Integer.MAX_VALUE);
            }
            if (v < Integer.MIN_VALUE) {
                throw Refused.value(v, "too small: must be at least " + Integer.MIN_VALUE);
            }
            return (int) v;
        }
    }

    static final class Longs extends JsonDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return integer(raw(p, ctxt));
        }
    }

    static final class Doubles extends JsonDeserializer<Double> {
        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return real(raw(p, ctxt));
        }
    }

    /** A list of finite reals: {@code [0.5, 1]}, {@code "0.5, 1"} or a single number. */
    static final class Reals extends JsonDeserializer<List<Double>> {
        @Override
        public List<Double> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return reals(raw(p, ctxt));
        }
    }

    /** A list of whole numbers, written as {@link Reals}. */
    static final class Wholes extends JsonDeserializer<List<Integer>> {
        @Override
        public List<Integer> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            List<Integer> out = new ArrayList<>();
            for (double d : reals(raw(p, ctxt))) {
                if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
                    throw Refused.value(d, "must be whole numbers");
                }
                out.add((int) d);
            }
            return List.copyOf(out);
        }
    }
}
