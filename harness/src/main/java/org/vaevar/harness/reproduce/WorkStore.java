package org.vaevar.harness.reproduce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.vaevar.harness.io.AtomicFiles;

/**
 * The finished work items of a reproduction, one file each, {@code work/<key>.json} in the run directory, written
 * atomically (a temporary file renamed into place) the moment an item completes, so an interrupted run loses at
 * most the items that were running. The key is the SHA-256 of the item's canonical input (its replication, the
 * setting's full config, the method's candidates, the schedule, the seed, the tuned prior): a recorded result is
 * reused only for the same inputs. A file that does not parse, or whose input differs, is ignored and the item runs
 * again.
 */
public final class WorkStore {

    /** The directory under the run directory. */
    public static final String DIRECTORY = "work";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final Path dir;
    private final Map<String, Map<String, Object>> results = new ConcurrentHashMap<>();
    private final AtomicInteger recorded = new AtomicInteger();
    private final AtomicInteger reused = new AtomicInteger();
    private volatile int stopAfter = -1;

    private WorkStore(Path dir) {
        this.dir = dir;
    }

    /** A store that records nothing (every item runs). */
    public static WorkStore none() {
        return new WorkStore(null);
    }

    /** The store of a run directory, with what an earlier (interrupted) run of it recorded. */
    @SuppressWarnings("unchecked")
    public static WorkStore open(Path runDirectory) throws IOException {
        WorkStore store = new WorkStore(runDirectory.resolve(DIRECTORY));
        Files.createDirectories(store.dir);
        try (var files = Files.list(store.dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".json") || name.startsWith(".")) {
                    continue;
                }
                try {
                    Map<String, Object> item = JSON.readValue(Files.readString(f), Map.class);
                    String key = key(item.get("input"));
                    if (name.equals(key + ".json") && item.get("result") instanceof Map<?, ?> r) {
                        store.results.put(key, (Map<String, Object>) r);
                    }
                } catch (IOException | RuntimeException e) {
                    // not a finished item: it runs again and replaces the file
                }
            }
        }
        return store;
    }

    /** The recorded result of an item with this input, or null. */
    Map<String, Object> find(Map<String, Object> input) {
        if (dir == null) {
            return null;
        }
        Map<String, Object> r = results.get(key(input));
        if (r != null) {
            reused.incrementAndGet();
        }
        return r;
    }

    /** The recorded result of an input without counting it as reused (a setting's calibration), or null. */
    Map<String, Object> peek(Map<String, Object> input) {
        return dir == null ? null : results.get(key(input));
    }

    /** Records a finished work item (atomically, before the run goes on). */
    void record(Map<String, Object> input, Map<String, Object> result) {
        if (write(input, result)) {
            int n = recorded.incrementAndGet();
            if (n == stopAfter) {
                throw new Interrupted(n);
            }
        }
    }

    /** Records what is not a work item of its own (a setting's calibration summary): not counted. */
    void recordQuietly(Map<String, Object> input, Map<String, Object> result) {
        write(input, result);
    }

    private boolean write(Map<String, Object> input, Map<String, Object> result) {
        if (dir == null) {
            return false;
        }
        String key = key(input);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("input", input);
        item.put("result", result);
        try {
            AtomicFiles.writeString(dir.resolve(key + ".json"), JSON.writeValueAsString(item) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        results.put(key, result);
        return true;
    }

    /** Items recorded by this run. */
    public int recorded() {
        return recorded.get();
    }

    /** Items taken from an earlier run. */
    public int reused() {
        return reused.get();
    }

    /**
     * For tests of resuming: after the {@code k}-th recorded item the run fails as if it had been killed there
     * (the item itself is recorded).
     */
    void stopAfter(int k) {
        this.stopAfter = k;
    }

    /** The failure {@link #stopAfter} raises. */
    static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Interrupted(int items) {
            super("stopped after " + items + " recorded work items");
        }
    }

    /** SHA-256 of the canonical JSON of an input (object keys sorted: equal trees give equal keys). */
    static String key(Object input) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(CANONICAL.writeValueAsString(input).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (byte b : d) {
                sb.append(String.format("%02x", b));
            }
            return sb.toString();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("work item input " + input + ": not representable as JSON", e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
