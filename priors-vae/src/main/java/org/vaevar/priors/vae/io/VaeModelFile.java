package org.vaevar.priors.vae.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.vaevar.priors.vae.Normalisation;
import org.vaevar.priors.vae.TrainedVae;
import org.vaevar.priors.vae.TrainingSettings;
import org.vaevar.priors.vae.TrainingSummary;
import org.vaevar.priors.vae.VaeArchitecture;
import org.vaevar.priors.vae.net.Activation;
import org.vaevar.priors.vae.net.LayerSpec;

/**
 * The on-disk format of a trained VAE prior (no Java serialisation). A file is three parts:
 *
 * <pre>
 *   vaevar-vae-prior 1                 ← magic and format version, one line
 *   { ...JSON... }                     ← architecture, normalisation, training settings and summary,
 *                                        experiment setup, tensors (float32 little-endian, base64)
 *   #sha256 &lt;64 hex digits&gt;             ← SHA-256 of every byte above this line
 * </pre>
 *
 * Written to a temporary file in the target directory, then renamed over the target (atomic where the file
 * system allows), so a reader never sees half a file. Reading refuses, with a {@link VaeModelFileException}
 * naming the file: a file that is not a VAE prior, a format version this build does not read, a checksum that
 * does not match (truncated or corrupt), and, when asked, a model made for another state dimension or setup.
 * No timestamps and no training time (a fact of the run that trained it, in that run's summary): the same model
 * gives the same bytes, so a retrained model, bit-identical in its weights, has the same SHA-256. A loaded model's
 * training seconds are NaN (files written with them still read).
 */
public final class VaeModelFile {

    /** The format this build writes and reads. */
    public static final int FORMAT_VERSION = 1;

    static final String MAGIC = "vaevar-vae-prior";
    private static final String TRAILER = "\n#sha256 ";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private VaeModelFile() {
    }

    /**
     * Writes {@code vae} to {@code file} atomically (temp file + rename). The file gets the permissions of any other
     * file the user creates (the umask), like the run outputs: not the owner-only mode of {@code createTempFile}.
     */
    public static void write(TrainedVae vae, Path file) {
        write(vae, file, null);
    }

    /**
     * {@link #write(TrainedVae, Path)} recording {@code cacheKey} (the full key of a cache entry, checked on load by
     * {@link #readCacheEntry}); null for none.
     */
    public static void write(TrainedVae vae, Path file, Map<String, ?> cacheKey) {
        byte[] content = encode(vae, cacheKey);
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = null;
            try {
                while (tmp == null) {
                    Path candidate = dir.resolve("." + file.getFileName() + "."
                            + Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36)
                            + ".tmp");
                    java.io.OutputStream stream;
                    try {
                        stream = Files.newOutputStream(candidate, java.nio.file.StandardOpenOption.CREATE_NEW,
                                java.nio.file.StandardOpenOption.WRITE);
                    } catch (java.nio.file.FileAlreadyExistsException e) {
                        continue; // astronomically unlikely; draw another name
                    }
                    tmp = candidate;
                    try (java.io.OutputStream o = stream) {
                        o.write(content);
                    }
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                if (tmp != null) {
                    Files.deleteIfExists(tmp);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write VAE model file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The file's bytes for {@code vae}. */
    static byte[] encode(TrainedVae vae) {
        return encode(vae, null);
    }

    static byte[] encode(TrainedVae vae, Map<String, ?> cacheKey) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", MAGIC);
        root.put("formatVersion", FORMAT_VERSION);
        VaeArchitecture a = vae.architecture();
        ObjectNode arch = root.putObject("architecture");
        arch.put("kind", a.kind().id());
        arch.put("stateDimension", a.stateDimension());
        arch.put("latentDimension", a.latentDimension());
        arch.put("hidden", a.hidden());
        arch.put("depth", a.depth());
        arch.put("kernelSize", a.kernel());
        arch.put("activation", a.activation().id());
        arch.put("conditional", a.conditional());
        arch.put("sizeIndependent", a.sizeIndependent());
        Normalisation nz = vae.normalisation();
        ObjectNode norm = root.putObject("normalisation");
        putArray(norm, "correctionScale", nz.correctionScale());
        putArray(norm, "backgroundMean", nz.backgroundMean());
        putArray(norm, "backgroundScale", nz.backgroundScale());
        TrainingSettings t = vae.training();
        ObjectNode train = root.putObject("training");
        train.put("sigmaD", t.sigmaD());
        train.put("beta", t.beta());
        train.put("epochs", t.epochs());
        train.put("batchSize", t.batchSize());
        train.put("learningRate", t.learningRate());
        train.put("validationFraction", t.validationFraction());
        train.put("patience", t.patience());
        train.put("normalisation", t.pooled() ? "pooled" : "component");
        train.put("seed", t.seed());
        train.put("threads", t.threads());
        ObjectNode summary = JSON.valueToTree(vae.summary().asMap());
        summary.remove("seconds");
        root.set("summary", summary);
        root.set("setup", canonical(vae.setup()));
        if (cacheKey != null) {
            root.set("cacheKey", canonical(cacheKey));
        }
        ArrayNode tensors = root.putArray("tensors");
        for (Map.Entry<String, float[]> e : vae.weights().entrySet()) {
            ObjectNode tn = tensors.addObject();
            tn.put("name", e.getKey());
            tn.put("dtype", "float32");
            tn.put("length", e.getValue().length);
            ByteBuffer buf = ByteBuffer.allocate(4 * e.getValue().length).order(ByteOrder.LITTLE_ENDIAN);
            for (float f : e.getValue()) {
                buf.putFloat(f);
            }
            tn.put("data", Base64.getEncoder().encodeToString(buf.array()));
        }
        byte[] body;
        try {
            body = (MAGIC + " " + FORMAT_VERSION + "\n" + JSON.writeValueAsString(root))
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("VAE model: cannot write as JSON: " + e.getMessage(), e);
        }
        byte[] trailer = (TRAILER + HexFormat.of().formatHex(sha256(body)) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[body.length + trailer.length];
        System.arraycopy(body, 0, out, 0, body.length);
        System.arraycopy(trailer, 0, out, body.length, trailer.length);
        return out;
    }

    /** A cache entry: the model and the key it was stored under (null when the file records none). */
    public record CacheEntry(TrainedVae vae, Map<String, Object> cacheKey) {
    }

    /** {@link #read(Path, int, Map)} of a cache entry, with the key it records. */
    @SuppressWarnings("unchecked")
    public static CacheEntry readCacheEntry(Path file, int stateDimension, Map<String, ?> setup) {
        JsonNode root = verifiedRoot(file, bytes(file));
        TrainedVae vae = check(file, fromJsonChecked(file, root), stateDimension, setup);
        JsonNode key = root.get("cacheKey");
        return new CacheEntry(vae, key == null || key.isNull() ? null : JSON.convertValue(key, LinkedHashMap.class));
    }

    /** Reads and checks integrity and version only. */
    public static TrainedVae read(Path file) {
        return decode(file, bytes(file));
    }

    private static byte[] bytes(Path file) {
        if (Files.isDirectory(file)) {
            throw new VaeModelFileException(file, "is a directory, not a VAE model file");
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new VaeModelFileException(file, "does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read VAE model file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads and also checks that the model is for {@code stateDimension} and, when {@code setup} is not null,
     * for that experiment setup (compared as JSON values, key by key). A model whose file records a
     * size-independent architecture (circular convolutions) may be used at another state dimension of the same
     * model and observation network: see {@link GridTransfer}.
     */
    public static TrainedVae read(Path file, int stateDimension, Map<String, ?> setup) {
        return check(file, read(file), stateDimension, setup);
    }

    private static TrainedVae check(Path file, TrainedVae vae, int stateDimension, Map<String, ?> setup) {
        if (vae.stateDimension() != stateDimension) {
            return GridTransfer.toDimension(file, vae, recordsSizeIndependence(file), stateDimension, setup);
        }
        if (setup != null) {
            List<String> diffs = differences(canonical(setup), canonical(vae.setup()));
            if (!diffs.isEmpty()) {
                throw new VaeModelFileException(file, "trained for another experiment setup: "
                        + String.join("; ", diffs));
            }
        }
        return vae;
    }

    /** Whether the file's architecture says "sizeIndependent": true (files written before it say nothing: no). */
    private static boolean recordsSizeIndependence(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            int firstLine = indexOf(bytes, (byte) '\n', 0);
            int trailerAt = lastIndexOf(bytes, TRAILER.getBytes(StandardCharsets.UTF_8));
            JsonNode root = JSON.readTree(new String(bytes, firstLine + 1, trailerAt - firstLine - 1,
                    StandardCharsets.UTF_8));
            return root.path("architecture").path("sizeIndependent").asBoolean(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read VAE model file " + file + ": " + e.getMessage(), e);
        }
    }

    static TrainedVae decode(Path file, byte[] bytes) {
        return fromJsonChecked(file, verifiedRoot(file, bytes));
    }

    /** The JSON body after the header, version and checksum checks. */
    private static JsonNode verifiedRoot(Path file, byte[] bytes) {
        int firstLine = indexOf(bytes, (byte) '\n', 0);
        String header = new String(bytes, 0, firstLine < 0 ? Math.min(bytes.length, 64) : firstLine,
                StandardCharsets.UTF_8);
        if (!header.startsWith(MAGIC + " ")) {
            throw new VaeModelFileException(file, "not a vaevar VAE prior file (it does not start with '"
                    + MAGIC + " <version>')");
        }
        int version;
        try {
            version = Integer.parseInt(header.substring(MAGIC.length() + 1).trim());
        } catch (NumberFormatException e) {
            throw new VaeModelFileException(file, "unreadable format version '" + header.substring(MAGIC.length() + 1)
                    + "'");
        }
        if (version != FORMAT_VERSION) {
            throw new VaeModelFileException(file, "format version " + version + " is not supported (this build"
                    + " reads version " + FORMAT_VERSION + ")");
        }
        int trailerAt = lastIndexOf(bytes, TRAILER.getBytes(StandardCharsets.UTF_8));
        if (trailerAt < 0) {
            throw new VaeModelFileException(file, "truncated or corrupt: no checksum trailer");
        }
        String stored = new String(bytes, trailerAt + TRAILER.length(), bytes.length - trailerAt - TRAILER.length(),
                StandardCharsets.UTF_8).trim();
        byte[] body = java.util.Arrays.copyOf(bytes, trailerAt);
        String actual = HexFormat.of().formatHex(sha256(body));
        if (!actual.equals(stored)) {
            throw new VaeModelFileException(file, "truncated or corrupt: SHA-256 of the content is " + actual
                    + " but the file records " + stored);
        }
        JsonNode root;
        try {
            root = JSON.readTree(new String(body, firstLine + 1, body.length - firstLine - 1, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new VaeModelFileException(file, "unreadable JSON despite a valid checksum: " + e.getMessage(), e);
        }
        return root;
    }

    private static TrainedVae fromJsonChecked(Path file, JsonNode root) {
        try {
            return fromJson(file, root);
        } catch (IllegalArgumentException | NullPointerException e) {
            if (e instanceof VaeModelFileException v) {
                throw v;
            }
            throw new VaeModelFileException(file, "inconsistent content: " + e.getMessage(), e);
        }
    }

    private static TrainedVae fromJson(Path file, JsonNode root) {
        if (!MAGIC.equals(root.path("format").asText()) || root.path("formatVersion").asInt(-1) != FORMAT_VERSION) {
            throw new VaeModelFileException(file, "header line and JSON disagree on format or version");
        }
        JsonNode a = required(file, root, "architecture");
        VaeArchitecture arch = new VaeArchitecture(VaeArchitecture.Kind.parse(a.path("kind").asText()),
                a.path("stateDimension").asInt(), a.path("latentDimension").asInt(), a.path("hidden").asInt(),
                a.path("depth").asInt(), a.path("kernelSize").asInt(), Activation.parse(a.path("activation").asText()),
                a.path("conditional").asBoolean());
        JsonNode nz = required(file, root, "normalisation");
        Normalisation norm = new Normalisation(doubles(nz.path("correctionScale")), doubles(nz.path("backgroundMean")),
                doubles(nz.path("backgroundScale")));
        JsonNode t = required(file, root, "training");
        TrainingSettings settings = new TrainingSettings(number(t.path("sigmaD")), number(t.path("beta")),
                t.path("epochs").asInt(), t.path("batchSize").asInt(), number(t.path("learningRate")),
                number(t.path("validationFraction")), t.path("patience").asInt(), pooled(t),
                t.path("seed").asLong(), t.path("threads").asInt());
        JsonNode s = required(file, root, "summary");
        TrainingSummary summary = new TrainingSummary(s.path("epochsRun").asInt(), s.path("bestEpoch").asInt(),
                number(s.path("trainLoss")), number(s.path("validationLoss")),
                number(s.path("validationReconstruction")), number(s.path("validationKl")), s.has("seconds") ? number(s.path("seconds")) : Double.NaN,
                s.path("trainingSamples").asInt(), s.path("validationSamples").asInt(),
                doubles(s.path("trainLossHistory")), doubles(s.path("validationLossHistory")));
        @SuppressWarnings("unchecked")
        Map<String, Object> setup = JSON.convertValue(root.path("setup"), LinkedHashMap.class);
        Map<String, float[]> weights = new LinkedHashMap<>();
        for (JsonNode tn : required(file, root, "tensors")) {
            String name = tn.path("name").asText();
            if (!"float32".equals(tn.path("dtype").asText())) {
                throw new VaeModelFileException(file, "tensor " + name + " has dtype " + tn.path("dtype").asText()
                        + "; only float32 is known");
            }
            byte[] raw = Base64.getDecoder().decode(tn.path("data").asText());
            int length = tn.path("length").asInt();
            if (raw.length != 4 * length) {
                throw new VaeModelFileException(file, "tensor " + name + " has " + raw.length + " bytes for "
                        + length + " floats");
            }
            ByteBuffer buf = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
            float[] w = new float[length];
            for (int i = 0; i < length; i++) {
                w[i] = buf.getFloat();
            }
            weights.put(name, w);
        }
        for (LayerSpec spec : arch.encoderLayers()) {
            requireTensor(file, weights, spec);
        }
        for (LayerSpec spec : arch.decoderLayers()) {
            requireTensor(file, weights, spec);
        }
        return new TrainedVae(arch, norm, settings, summary, setup, weights);
    }

    private static void requireTensor(Path file, Map<String, float[]> weights, LayerSpec spec) {
        for (String name : List.of(spec.weightName(), spec.biasName())) {
            if (!weights.containsKey(name)) {
                throw new VaeModelFileException(file, "tensor " + name + " is missing");
            }
        }
    }

    private static JsonNode required(Path file, JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            throw new VaeModelFileException(file, "field '" + field + "' is missing");
        }
        return n;
    }

    /** The setup as a JSON tree, normalised by a text round trip (so 5, 5L and 5.0f compare as written). */
    static JsonNode canonical(Map<String, ?> setup) {
        try {
            return JSON.readTree(JSON.writeValueAsString(setup == null ? Map.of() : setup));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("experiment setup cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    static List<String> differences(JsonNode expected, JsonNode found) {
        TreeSet<String> keys = new TreeSet<>();
        expected.fieldNames().forEachRemaining(keys::add);
        found.fieldNames().forEachRemaining(keys::add);
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            JsonNode e = expected.get(k);
            JsonNode f = found.get(k);
            if (e == null || f == null || !e.equals(f)) {
                out.add(k + ": this experiment has " + (e == null ? "(absent)" : e) + ", the file "
                        + (f == null ? "(absent)" : f));
            }
        }
        return out;
    }

    private static void putArray(ObjectNode node, String name, double[] values) {
        ArrayNode arr = node.putArray(name);
        for (double v : values) {
            arr.add(v);
        }
    }

    /** A double written by Jackson: a number, or the strings "NaN"/"Infinity" it uses for non-finite values. */
    private static double number(JsonNode n) {
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isTextual()) {
            return Double.parseDouble(n.asText());
        }
        throw new IllegalArgumentException("expected a number, found " + n);
    }

    private static double[] doubles(JsonNode arr) {
        if (!arr.isArray()) {
            throw new IllegalArgumentException("expected an array of numbers, found " + arr);
        }
        double[] out = new double[arr.size()];
        Iterator<JsonNode> it = arr.elements();
        for (int i = 0; i < out.length; i++) {
            out[i] = number(it.next());
        }
        return out;
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static int indexOf(byte[] a, byte b, int from) {
        for (int i = from; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] a, byte[] pattern) {
        outer:
        for (int i = a.length - pattern.length; i >= 0; i--) {
            for (int j = 0; j < pattern.length; j++) {
                if (a[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** "normalisation": "pooled" | "component"; files written before it record the flag "pooledScale". */
    private static boolean pooled(JsonNode training) {
        JsonNode mode = training.path("normalisation");
        return mode.isMissingNode() ? training.path("pooledScale").asBoolean() : "pooled".equals(mode.asText());
    }
}
