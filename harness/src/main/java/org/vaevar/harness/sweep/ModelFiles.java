package org.vaevar.harness.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vaevar.api.LearnedPrior;

/**
 * A trained prior as it travels between sweep tasks: the bytes of its model file (Base64) and their SHA-256. A
 * task that needs it writes it once per JVM to a temporary file and loads the prior from there.
 */
final class ModelFiles {

    /** This JVM's copies by SHA-256. */
    private static final Map<String, Path> FILES = new ConcurrentHashMap<>();

    private ModelFiles() {
    }

    /** Saves the prior to a temporary file and returns {@code {sha256, bytes, size}}. */
    static Map<String, Object> encode(LearnedPrior prior) throws IOException {
        Path dir = Files.createTempDirectory("vaevar-model");
        Path f = dir.resolve("model");
        try {
            prior.save(f);
            byte[] bytes = Files.readAllBytes(f);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sha256", Values.sha256(bytes));
            m.put("size", bytes.length);
            m.put("bytes", Base64.getEncoder().encodeToString(bytes));
            return m;
        } finally {
            Files.deleteIfExists(f);
            Files.deleteIfExists(dir);
        }
    }

    /** The model's file in this JVM, written on first use; refuses bytes that do not match their SHA-256. */
    static Path file(Map<String, Object> model) {
        String sha = (String) model.get("sha256");
        return FILES.computeIfAbsent(sha, k -> {
            byte[] bytes = Base64.getDecoder().decode((String) model.get("bytes"));
            if (!Values.sha256(bytes).equals(sha)) {
                throw new IllegalStateException("model " + sha + ": the bytes do not match their SHA-256");
            }
            try {
                Path f = Files.createTempFile("vaevar-", ".model");
                f.toFile().deleteOnExit();
                Files.write(f, bytes);
                return f;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
