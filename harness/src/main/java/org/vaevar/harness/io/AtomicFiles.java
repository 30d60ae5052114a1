package org.vaevar.harness.io;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;

/**
 * Writes files so that a reader sees either the old content or the complete new content, never a torn file.
 *
 * <p>The bytes go to a temporary file in the target's own directory (same file system, so the rename cannot
 * turn into a copy), are forced to disk, and the temporary file is then renamed onto the target with
 * {@link StandardCopyOption#ATOMIC_MOVE}. If anything fails, the temporary file is deleted and the target is
 * untouched.
 */
public final class AtomicFiles {

    /** Produces a file's content into a stream (the stream is closed by {@link AtomicFiles}). */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code text} as UTF-8. */
    public static void writeString(Path target, String text) throws IOException {
        Objects.requireNonNull(text, "text");
        writeBytes(target, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void writeBytes(Path target, byte[] bytes) throws IOException {
        Objects.requireNonNull(bytes, "bytes");
        write(target, out -> out.write(bytes));
    }

    /** Encodes {@code image} as PNG (in memory first, so an encoder failure leaves no file at all). */
    public static void writePng(Path target, RenderedImage image) throws IOException {
        Objects.requireNonNull(image, "image");
        ByteArrayOutputStream png = new ByteArrayOutputStream(1 << 16);
        if (!ImageIO.write(image, "png", png)) {
            throw new IOException("no PNG writer available to write " + target);
        }
        writeBytes(target, png.toByteArray());
    }

    /**
     * Streams {@code content} into a temporary sibling of {@code target}, then renames it onto {@code target}.
     * Missing parent directories are created.
     */
    public static void write(Path target, Content content) throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(content, "content");
        Path absolute = target.toAbsolutePath().normalize();
        Path dir = absolute.getParent();
        Path name = absolute.getFileName();
        if (dir == null || name == null) {
            throw new IllegalArgumentException("target = " + target + ": not a file path");
        }
        if (Files.isDirectory(absolute)) {
            throw new IllegalArgumentException("target = " + target + ": is a directory");
        }
        Files.createDirectories(dir);
        Path tmp = null;
        boolean moved = false;
        try {
            FileChannel opened = null;
            // Hidden, recognisable temp name ".summary.json.<random>.tmp" that never matches a real output name.
            // Created with CREATE_NEW (not Files.createTempFile, whose owner-only permissions the renamed file
            // would keep) so the result gets the same permissions as any other file the user writes.
            while (opened == null) {
                tmp = dir.resolve("." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                        + ".tmp");
                try {
                    opened = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
                } catch (FileAlreadyExistsException e) {
                    tmp = null; // astronomically unlikely; draw another name
                }
            }
            try (FileChannel channel = opened;
                 OutputStream out = Channels.newOutputStream(channel)) {
                content.writeTo(out);
                out.flush();
                // Durable before it becomes visible: a crash after the rename must not expose an empty file.
                channel.force(true);
            }
            move(tmp, absolute);
            moved = true;
        } finally {
            if (!moved && tmp != null) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // Some file systems (certain network or FUSE mounts) cannot rename atomically. A replacing move is
            // the best they offer: a reader may briefly see no file, but never a partly written one, because the
            // temporary file is already complete and on disk.
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
