package org.vaevar.observations;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.vaevar.api.plugin.InvalidParameterException;
import org.vaevar.api.plugin.Parameter;
import org.vaevar.api.plugin.Parameters;

/**
 * Which state components are observed: y_j = h(x[index(j)]) for j = 0..m−1.
 *
 * <p>Three ways to choose, shared by every component-wise operator:
 * <ul>
 *   <li>all components (the default);</li>
 *   <li>every k-th component from an offset: {@code every} = k ≥ 1, {@code offset} = o with 0 ≤ o &lt; n, giving
 *       o, o+k, o+2k, … &lt; n;</li>
 *   <li>an explicit list {@code components}, e.g. {@code 0,2,5}; when given it overrides every/offset.</li>
 * </ul>
 * An explicit list is kept <b>in the given order</b> (observation j is the j-th listed component), so a
 * configuration reads the same as the observation vector it produces; duplicates are refused (they would
 * observe one component twice with independent errors, which is almost always a configuration mistake).
 * An empty selection or an index outside [0, n) is refused naming the value and the state dimension n.
 */
public final class ComponentSelection {

    /** Parameter names, shared by the providers. */
    public static final String EVERY = "every";
    public static final String OFFSET = "offset";
    public static final String COMPONENTS = "components";

    private static final String EVERY_REQUIREMENT = "must be at least 1";

    private final int stateDimension;
    private final int[] indices;

    private ComponentSelection(int stateDimension, int[] indices) {
        this.stateDimension = stateDimension;
        this.indices = indices;
    }

    /** Every component 0..n−1. */
    public static ComponentSelection all(int stateDimension) {
        return every(stateDimension, 1, 0);
    }

    /** Components offset, offset+k, offset+2k, … below n. */
    public static ComponentSelection every(int stateDimension, int k, int offset) {
        requirePositiveDimension(stateDimension);
        if (k < 1) {
            throw new IllegalArgumentException(EVERY + " = " + k + ": " + EVERY_REQUIREMENT);
        }
        String problem = offsetProblem(stateDimension, offset);
        if (problem != null) {
            throw new IllegalArgumentException(OFFSET + " = " + offset + ": " + problem);
        }
        return new ComponentSelection(stateDimension, everyKth(stateDimension, k, offset));
    }

    /** Exactly the given components, in the given order. */
    public static ComponentSelection of(int stateDimension, int... components) {
        requirePositiveDimension(stateDimension);
        String problem = listProblem(stateDimension, components);
        if (problem != null) {
            throw new IllegalArgumentException(COMPONENTS + " = " + Arrays.toString(components) + ": " + problem);
        }
        return new ComponentSelection(stateDimension, components.clone());
    }

    /** The three parameters every component-wise operator accepts. */
    public static Parameter<?>[] parameters() {
        return new Parameter<?>[] {
            Parameter.integer(EVERY, 1, "observe every k-th state component (1 = all)").atLeast(1),
            Parameter.integer(OFFSET, 0, "first observed component when using 'every'").nonNegative(),
            Parameter.integers(COMPONENTS, null,
                    "explicit observed components in observation order, e.g. 0,2,5 (overrides every/offset)"),
        };
    }

    /**
     * The selection described by validated parameters, for a state of dimension n. A selection that does not fit
     * n is refused with an {@link InvalidParameterException} naming the plugin, the parameter, the value and n.
     */
    public static ComponentSelection from(Parameters parameters, int stateDimension) {
        requirePositiveDimension(stateDimension);
        String plugin = parameters.plugin();
        Optional<List<Integer>> listed = parameters.optionalIntegers(COMPONENTS);
        if (listed.isPresent()) {
            int[] components = listed.get().stream().mapToInt(Integer::intValue).toArray();
            String problem = listProblem(stateDimension, components);
            if (problem != null) {
                throw new InvalidParameterException(plugin, COMPONENTS, listed.get(), problem);
            }
            return new ComponentSelection(stateDimension, components);
        }
        int k = parameters.integer(EVERY);
        int offset = parameters.integer(OFFSET);
        if (k < 1) {
            throw new InvalidParameterException(plugin, EVERY, k, EVERY_REQUIREMENT);
        }
        String problem = offsetProblem(stateDimension, offset);
        if (problem != null) {
            throw new InvalidParameterException(plugin, OFFSET, offset, problem);
        }
        return new ComponentSelection(stateDimension, everyKth(stateDimension, k, offset));
    }

    private static int[] everyKth(int n, int k, int offset) {
        int m = (n - offset + k - 1) / k; // ceil((n − o) / k) ≥ 1 since 0 ≤ o < n
        int[] idx = new int[m];
        for (int j = 0; j < m; j++) {
            idx[j] = offset + j * k;
        }
        return idx;
    }

    /** Why the offset does not fit n, or null. */
    private static String offsetProblem(int n, int offset) {
        if (offset < 0 || offset >= n) {
            return "must lie in [0, " + n + ") for a state of dimension " + n;
        }
        return null;
    }

    /** Why the explicit list does not fit n, or null. */
    private static String listProblem(int n, int[] components) {
        if (components.length == 0) {
            return "the selection is empty; a state of dimension " + n + " needs at least one observed component";
        }
        boolean[] seen = new boolean[n];
        for (int c : components) {
            if (c < 0 || c >= n) {
                return "component " + c + " lies outside [0, " + n + ") for a state of dimension " + n;
            }
            if (seen[c]) {
                return "component " + c + " is listed twice";
            }
            seen[c] = true;
        }
        return null;
    }

    private static void requirePositiveDimension(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("state dimension = " + n + ": must be positive");
        }
    }

    /** n. */
    public int stateDimension() {
        return stateDimension;
    }

    /** m, the number of observed components. */
    public int size() {
        return indices.length;
    }

    /** The state index of observation j. */
    public int index(int j) {
        return indices[j];
    }

    /** All observed indices, in observation order (a copy). */
    public int[] indices() {
        return indices.clone();
    }

    @Override
    public String toString() {
        return "components " + Arrays.toString(indices) + " of " + stateDimension;
    }
}
