package org.vaevar.assimilation.config;

/**
 * A value a config deserializer refused. It knows the value and the problem but not where it stands;
 * {@link ConfigBinding} prefixes the dotted path Jackson tracked ("observations.noise = NaN: must be finite").
 */
final class Refused extends RuntimeException {

    private final String subfield;
    private final Object value;
    private final boolean showsValue;

    private Refused(String subfield, Object value, boolean showsValue, String problem) {
        super(problem, null, false, false);
        this.subfield = subfield;
        this.value = value;
        this.showsValue = showsValue;
    }

    /** {@code path = value: problem}. */
    static Refused value(Object value, String problem) {
        return new Refused(null, value, true, problem);
    }

    /** {@code path.subfield problem}, e.g. "model.name is missing". */
    static Refused field(String subfield, String problem) {
        return new Refused(subfield, null, false, problem);
    }

    /** The message at {@code path}. */
    String at(String path) {
        String where = subfield == null ? path : path.isEmpty() ? subfield : path + "." + subfield;
        return showsValue ? where + " = " + value + ": " + getMessage() : where + " " + getMessage();
    }
}
