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
 * training settings (seed included), the experiment setup and every bit of the samples, so a file is reused
 * exactly when training would reproduce it.
 */
final class TrainingCache {

    /** Map keys sorted: the key must not depend on the order a caller's setup map iterates in. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private TrainingCache() {
    }

    static Path entry(Path directory, VaeArchitecture arch, TrainingSettings settings, Map<String, Object> setup,
                      BackgroundErrorSamples samples) {
        return directory.resolve("vae-" + key(arch, settings, setup, samples).substring(0, 24) + ".vaeprior");
    }

    static String key(VaeArchitecture arch, TrainingSettings settings, Map<String, Object> setup,
                      BackgroundErrorSamples samples) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
        Map<String, Object> desc = new LinkedHashMap<>();
        desc.put("cacheFormat", 1);
        desc.put("architecture", arch.toString());
        desc.put("training", settings.toString());
        desc.put("setup", setup);
        try {
            md.update(JSON.writeValueAsString(desc).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("experiment setup cannot be written as JSON: " + e.getMessage(), e);
        }
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
}
