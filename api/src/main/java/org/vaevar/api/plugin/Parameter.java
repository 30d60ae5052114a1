package org.vaevar.api.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One typed, documented, validated parameter of a plugin. Immutable: the constraint methods return a new
 * parameter.
 *
 * <pre>{@code
 * Parameter.integer("n", 40, "number of grid points").atLeast(4)
 * Parameter.real("dt", 0.05, "RK4 step length").positive()
 * Parameter.text("activation", "tanh", "hidden activation").oneOf("tanh", "relu", "elu")
 * }</pre>
 *
 * @param <T> Double, Integer, Boolean, String or List&lt;Integer&gt;
 */
public final class Parameter<T> {

    /** The value types a parameter can have. */
    public enum Type {
        REAL, INTEGER, BOOLEAN, TEXT, INTEGER_LIST
    }

    private record Rule<T>(Predicate<T> test, String requirement) {
    }

    private final String name;
    private final Type type;
    private final T defaultValue;
    private final String description;
    private final List<Rule<T>> rules;

    private Parameter(String name, Type type, T defaultValue, String description, List<Rule<T>> rules) {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("parameter name '" + name + "': must be an identifier");
        }
        this.name = name;
        this.type = type;
        this.defaultValue = defaultValue;
        this.description = Objects.requireNonNull(description, "description");
        this.rules = List.copyOf(rules);
    }

    public static Parameter<Double> real(String name, double defaultValue, String description) {
        return new Parameter<Double>(name, Type.REAL, defaultValue, description, List.of())
                .require(Double::isFinite, "must be finite");
    }

    /** A real that may be ±∞ (a length without cut-off, say) but not NaN. */
    public static Parameter<Double> realOrInfinite(String name, double defaultValue, String description) {
        return new Parameter<Double>(name, Type.REAL, defaultValue, description, List.of())
                .require(v -> !Double.isNaN(v), "must be a number");
    }

    public static Parameter<Integer> integer(String name, int defaultValue, String description) {
        return new Parameter<>(name, Type.INTEGER, defaultValue, description, List.of());
    }

    public static Parameter<Boolean> flag(String name, boolean defaultValue, String description) {
        return new Parameter<>(name, Type.BOOLEAN, defaultValue, description, List.of());
    }

    /** A text parameter; a {@code null} default makes it optional (absent unless given). */
    public static Parameter<String> text(String name, String defaultValue, String description) {
        return new Parameter<>(name, Type.TEXT, defaultValue, description, List.of());
    }

    /** A list of integers; a {@code null} default makes it optional. */
    public static Parameter<List<Integer>> integers(String name, List<Integer> defaultValue, String description) {
        return new Parameter<>(name, Type.INTEGER_LIST, defaultValue == null ? null : List.copyOf(defaultValue),
                description, List.of());
    }

    /** Adds a constraint; {@code requirement} completes "name = value: ..." in the error, e.g. "must be positive". */
    public Parameter<T> require(Predicate<T> test, String requirement) {
        List<Rule<T>> more = new ArrayList<>(rules);
        more.add(new Rule<>(test, requirement));
        return new Parameter<>(name, type, defaultValue, description, more);
    }

    public Parameter<T> positive() {
        return require(v -> ((Number) v).doubleValue() > 0, "must be positive");
    }

    public Parameter<T> nonNegative() {
        return require(v -> ((Number) v).doubleValue() >= 0, "must be non-negative");
    }

    public Parameter<T> atLeast(double min) {
        return require(v -> ((Number) v).doubleValue() >= min, "must be at least " + format(min));
    }

    public Parameter<T> atMost(double max) {
        return require(v -> ((Number) v).doubleValue() <= max, "must be at most " + format(max));
    }

    public Parameter<T> oneOf(String... choices) {
        List<String> allowed = List.of(choices);
        return require(v -> allowed.contains(v), "must be one of " + allowed);
    }

    public String name() {
        return name;
    }

    public Type type() {
        return type;
    }

    /** The default, or {@code null} for an optional parameter without one. */
    public T defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** Converts a raw value (from JSON, or a string from the command line) and checks every rule. */
    T accept(String plugin, Object raw) {
        T value = convert(plugin, raw);
        for (Rule<T> rule : rules) {
            if (!rule.test().test(value)) {
                throw new InvalidParameterException(plugin, name, raw, rule.requirement());
            }
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private T convert(String plugin, Object raw) {
        if (raw == null) {
            throw new InvalidParameterException(plugin, name, null, "must have a value");
        }
        try {
            return (T) switch (type) {
                case REAL -> raw instanceof Number n ? n.doubleValue() : Double.parseDouble(raw.toString().trim());
                case INTEGER -> toInteger(raw);
                case BOOLEAN -> toBoolean(raw);
                case TEXT -> raw.toString();
                case INTEGER_LIST -> toIntegerList(raw);
            };
        } catch (OutOfIntRange e) {
            throw new InvalidParameterException(plugin, name, raw, "too large: must be between " + Integer.MIN_VALUE
                    + " and " + Integer.MAX_VALUE);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(plugin, name, raw, "must be " + article(type));
        }
    }

    /** An integral value outside the int range (told apart from a value that is not an integer at all). */
    private static final class OutOfIntRange extends NumberFormatException {
    }

    private static Integer toInteger(Object raw) {
        if (raw instanceof Integer i) {
            return i;
        }
        double d;
        if (raw instanceof Number n) {
            d = n.doubleValue();
        } else {
            String s = raw.toString().trim();
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                d = new java.math.BigDecimal(s).doubleValue(); // "1e9", "99999999999"; not a number: rethrows
            }
        }
        if (d != Math.rint(d) || !Double.isFinite(d)) {
            throw new NumberFormatException();
        }
        if (Math.abs(d) > Integer.MAX_VALUE) {
            throw new OutOfIntRange();
        }
        return (int) d;
    }

    private static Boolean toBoolean(Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        String s = raw.toString().trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new NumberFormatException();
        };
    }

    private static List<Integer> toIntegerList(Object raw) {
        List<?> items;
        if (raw instanceof List<?> l) {
            items = l;
        } else {
            String s = raw.toString().trim();
            if (s.startsWith("[") && s.endsWith("]")) {
                s = s.substring(1, s.length() - 1);
            }
            items = s.isBlank() ? List.of() : List.of(s.split("\\s*,\\s*"));
        }
        List<Integer> out = new ArrayList<>(items.size());
        for (Object item : items) {
            out.add(toInteger(item));
        }
        return List.copyOf(out);
    }

    private static String article(Type type) {
        return switch (type) {
            case REAL -> "a real number";
            case INTEGER -> "an integer";
            case BOOLEAN -> "true or false";
            case TEXT -> "text";
            case INTEGER_LIST -> "a list of integers such as 0,2,4";
        };
    }

    private static String format(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    @Override
    public String toString() {
        return name + " (" + type.name().toLowerCase(Locale.ROOT) + ", default " + defaultValue + "): " + description;
    }
}
