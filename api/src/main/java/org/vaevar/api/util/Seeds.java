package org.vaevar.api.util;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Independent random streams derived from one master seed, one per named purpose ("truth", "observations",
 * "training", ...), so that adding a draw to one purpose never shifts another. The derivation is SplitMix64 over
 * the master seed and a stable hash of the purpose: identical on every JVM.
 */
public final class Seeds {

    private Seeds() {
    }

    /** The seed of the stream for {@code purpose} under {@code master}. */
    public static long derive(long master, String purpose) {
        long h = 0xcbf29ce484222325L; // FNV-1a, stable across JVMs unlike Object.hashCode in general
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(mix(master) ^ h);
    }

    /** A generator for {@code purpose} under {@code master}. */
    public static SplittableRandom stream(long master, String purpose) {
        return new SplittableRandom(derive(master, purpose));
    }

    private static long mix(long z) {
        z += 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
