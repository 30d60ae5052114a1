package org.vaevar.harness.sweep;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vaevar.api.plugin.BackgroundErrorSamples;
import org.vaevar.harness.io.AtomicFiles;

/**
 * A setting's calibration samples as a file of the sweep's work area, written by its calibration task and read
 * by its tuning and evaluation tasks: the exact doubles (big-endian IEEE 754: count, dimension, then every
 * background and every truth), so a reader gets the very numbers the calibration computed. The file is named by
 * its SHA-256 in the tasks' inputs; a file that does not match is an error, never silently other samples.
 */
final class SamplesFile {

    private SamplesFile() {
    }

    /** Writes the samples atomically; returns the SHA-256 of the file's bytes. */
    static String write(Path file, BackgroundErrorSamples s) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(s.size());
            out.writeInt(s.dimension());
            for (int k = 0; k < s.size(); k++) {
                for (double v : s.background(k)) {
                    out.writeDouble(v);
                }
            }
            for (int k = 0; k < s.size(); k++) {
                for (double v : s.truth(k)) {
                    out.writeDouble(v);
                }
            }
        }
        byte[] b = bytes.toByteArray();
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.writeBytes(file, b);
        return sha256(b);
    }

    /** Reads samples written by {@link #write}, checking the file's SHA-256. */
    static BackgroundErrorSamples read(Path file, String sha256) throws IOException {
        byte[] b;
        try {
            b = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IOException("calibration samples " + file + " cannot be read (a worker on another machine "
                    + "needs the sweep's run directory on a shared file system): " + e.getMessage(), e);
        }
        if (!sha256(b).equals(sha256)) {
            throw new IllegalStateException("calibration samples " + file + ": SHA-256 " + sha256(b)
                    + " is not the recorded " + sha256 + " (the file was changed)");
        }
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(b))) {
            int n = in.readInt();
            int dim = in.readInt();
            double[][] backgrounds = new double[n][dim];
            double[][] truths = new double[n][dim];
            for (double[][] block : new double[][][] {backgrounds, truths}) {
                for (double[] row : block) {
                    for (int i = 0; i < dim; i++) {
                        row[i] = in.readDouble();
                    }
                }
            }
            return new BackgroundErrorSamples(backgrounds, truths);
        }
    }

    private static String sha256(byte[] b) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(b);
            StringBuilder sb = new StringBuilder();
            for (byte x : d) {
                sb.append(String.format("%02x", x));
            }
            return sb.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
