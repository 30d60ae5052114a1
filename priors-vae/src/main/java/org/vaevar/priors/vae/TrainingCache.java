package org.vaevar.priors.vae;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vaevar.api.plugin.BackgroundErrorSamples;

/**
 * Names of cached trained VAEs: {@code vae-<hash>.vaeprior}, the hash a SHA-256 over the architecture, the
 * training settings (seed included), the experiment setup, every bit of the samples and the version of the training
 * code, so a file is reused exactly when training would reproduce it. Each entry records its full key, checked on
 * load: a file copied into another slot, or left by other training code, is retrained, not trusted.
 */
final class TrainingCache {

    /** Map keys sorted: the key must not depend on the order a caller's setup map iterates in. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private TrainingCache() {
    }

    static Path entry(Path directory, VaeArchitecture arch, TrainingSettings settings, Map<String, Object> setup,
                      BackgroundErrorSamples samples) {
        return entry(directory, key(arch, settings, setup, samples));
    }

    /** The entry a key is stored under. */
    static Path entry(Path directory, String key) {
        return directory.resolve("vae-" + key.substring(0, 24) + ".vaeprior");
    }

    /** The full key: SHA-256 of {@link #description}. */
    static String key(VaeArchitecture arch, TrainingSettings settings, Map<String, Object> setup,
                      BackgroundErrorSamples samples) {
        return key(description(arch, settings, setup, samples));
    }

    static String key(Map<String, Object> description) {
        try {
            return HexFormat.of().formatHex(sha256().digest(JSON.writeValueAsString(description)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("experiment setup cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Everything an entry depends on: the cache format, the version of the training code
     * ({@link org.vaevar.priors.vae.train.VaeTrainer#CODE_VERSION}), the architecture, the training settings (seed
     * included), the experiment setup and the SHA-256 of every bit of the samples.
     */
    static Map<String, Object> description(VaeArchitecture arch, TrainingSettings settings, Map<String, Object> setup,
                                           BackgroundErrorSamples samples) {
        Map<String, Object> desc = new LinkedHashMap<>();
        desc.put("cacheFormat", 2);
        desc.put("trainingCode", org.vaevar.priors.vae.train.VaeTrainer.CODE_VERSION);
        desc.put("architecture", arch.toString());
        desc.put("training", settings.toString());
        desc.put("setup", setup);
        desc.put("samples", samples.size() + "x" + samples.dimension() + " sha256 " + samplesHash(samples));
        return desc;
    }

    /** What an entry records about itself: {"key": full key, "description": what it was computed from}. */
    static Map<String, Object> stored(Map<String, Object> description) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", key(description));
        m.put("description", description);
        return m;
    }

    private static String samplesHash(BackgroundErrorSamples samples) {
        MessageDigest md = sha256();
        ByteBuffer buf = ByteBuffer.allocate(8 * 2 * samples.dimension());
        md.update(ByteBuffer.allocate(8).putInt(samples.size()).putInt(samples.dimension()).array());
        for (int k = 0; k < samples.size(); k++) {
            buf.clear();
            for (double v : samples.background(k)) {
                buf.putDouble(v);
            }
            for (double v : samples.truth(k)) {
                buf.putDouble(v);
            }
            md.update(buf.array());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
