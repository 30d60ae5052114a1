package org.vaevar.priors.vae.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.vaevar.priors.vae.TrainedVae;
import org.vaevar.priors.vae.VaeArchitecture;

/**
 * Loading a trained circular-convolution VAE for another number of grid points n' of the same model. Its kernels
 * act on any periodic grid, so the network carries over; what must hold, or the file is refused:
 * <ul>
 *   <li>the file records a size-independent architecture ({@code "sizeIndependent": true}: CONV);</li>
 *   <li>the normalisation is homogeneous: one σ_δ and one s_b for all components ({@code normalisation = pooled}).
 *       The background mean m_b, a per-component estimate of one value on a homogeneous domain, becomes its
 *       spatial mean at every one of the n' points;</li>
 *   <li>the experiment setup is the file's except for the state dimension: in {@code model} and
 *       {@code truthModel}, the one entry whose value is n in the file and n' in the experiment (Lorenz 96's
 *       {@code n}); anything else that differs is refused as before.</li>
 * </ul>
 * The result is the same VAE on the new grid, recording the experiment's setup.
 */
final class GridTransfer {

    private static final List<String> MODEL_SECTIONS = List.of("model", "truthModel");

    private GridTransfer() {
    }

    static TrainedVae toDimension(Path file, TrainedVae vae, boolean recordedSizeIndependent, int n,
                                  Map<String, ?> setup) {
        int trained = vae.stateDimension();
        String mismatch = "trained for state dimension " + trained + ", but this experiment has state dimension " + n;
        VaeArchitecture a = vae.architecture();
        if (!recordedSizeIndependent || !a.sizeIndependent()) {
            throw new VaeModelFileException(file, mismatch + " (a " + a.kind().id() + " architecture"
                    + (a.sizeIndependent() ? " whose file does not record it as size-independent" : " depends on it")
                    + ")");
        }
        if (setup != null) {
            JsonNode expected = VaeModelFile.canonical(setup);
            JsonNode found = withDimension(VaeModelFile.canonical(vae.setup()), expected, trained, n);
            List<String> diffs = VaeModelFile.differences(expected, found);
            if (!diffs.isEmpty()) {
                throw new VaeModelFileException(file, mismatch + ", and another setup: " + String.join("; ", diffs));
            }
        }
        TrainedVae resized;
        try {
            resized = vae.onGrid(n);
        } catch (IllegalArgumentException e) {
            throw new VaeModelFileException(file, mismatch + ": " + e.getMessage());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> newSetup = setup == null ? vae.setup() : (Map<String, Object>) setup;
        return new TrainedVae(resized.architecture(), resized.normalisation(), vae.training(), vae.summary(), newSetup,
                vae.weights());
    }

    /** The file's setup with its state-dimension entries (n in the file, n' in the experiment) set to n'. */
    private static JsonNode withDimension(JsonNode found, JsonNode expected, int trained, int n) {
        JsonNode copy = found.deepCopy();
        for (String section : MODEL_SECTIONS) {
            JsonNode f = copy.get(section);
            JsonNode e = expected.get(section);
            if (f instanceof ObjectNode fo && e != null && e.isObject()) {
                for (String key : List.copyOf(iterable(fo))) {
                    JsonNode fv = fo.get(key);
                    JsonNode ev = e.get(key);
                    if (fv.isIntegralNumber() && fv.asLong() == trained && ev != null && ev.isIntegralNumber()
                            && ev.asLong() == n) {
                        fo.set(key, ev);
                    }
                }
            }
        }
        return copy;
    }

    private static List<String> iterable(ObjectNode node) {
        List<String> keys = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
