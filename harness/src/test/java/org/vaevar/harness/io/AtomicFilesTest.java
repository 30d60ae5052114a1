package org.vaevar.harness.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesAndReplacesTextCreatingParentsAndLeavingNoTemporaryFile() throws IOException {
        Path f = dir.resolve("a/b/summary.json");
        AtomicFiles.writeString(f, "first ✓");
        assertThat(Files.readString(f)).isEqualTo("first ✓");
        AtomicFiles.writeString(f, "second");
        assertThat(Files.readString(f)).isEqualTo("second");
        assertThat(listNames(f.getParent())).containsExactly("summary.json");
    }

    @Test
    void failureWhileWritingLeavesTheOldContentAndNoTemporaryFile() throws IOException {
        Path f = dir.resolve("cycles.csv");
        AtomicFiles.writeString(f, "old complete content");
        assertThatThrownBy(() -> AtomicFiles.write(f, out -> {
            out.write("half of the new".getBytes());
            throw new IOException("disk on fire");
        })).isInstanceOf(IOException.class).hasMessage("disk on fire");
        assertThat(Files.readString(f)).isEqualTo("old complete content");
        assertThat(listNames(dir)).containsExactly("cycles.csv");
    }

    @Test
    void failureWhileWritingANewFileLeavesNothing() {
        Path f = dir.resolve("new.txt");
        assertThatThrownBy(() -> AtomicFiles.write(f, out -> {
            out.write(1);
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(f).doesNotExist();
        assertThat(listNames(dir)).isEmpty();
    }

    @Test
    void pngRoundTripsWithItsSize() throws IOException {
        BufferedImage img = new BufferedImage(31, 17, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 4, Color.RED.getRGB());
        Path f = dir.resolve("x.png");
        AtomicFiles.writePng(f, img);
        BufferedImage back = ImageIO.read(f.toFile());
        assertThat(back.getWidth()).isEqualTo(31);
        assertThat(back.getHeight()).isEqualTo(17);
        assertThat(back.getRGB(3, 4)).isEqualTo(Color.RED.getRGB());
    }

    @Test
    void refusesADirectoryAsTarget() throws IOException {
        Path d = Files.createDirectory(dir.resolve("d"));
        assertThatThrownBy(() -> AtomicFiles.writeString(d, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is a directory");
    }

    @Test
    void resultHasTheUsualPermissionsNotOwnerOnlyTempFilePermissions() throws IOException {
        assumeThat(Files.getFileAttributeView(dir, PosixFileAttributeView.class)).isNotNull();
        Path ordinary = Files.createFile(dir.resolve("ordinary"));
        Path atomic = dir.resolve("atomic");
        AtomicFiles.writeString(atomic, "x");
        assertThat(Files.getPosixFilePermissions(atomic)).isEqualTo(Files.getPosixFilePermissions(ordinary));
    }

    static java.util.List<String> listNames(Path d) {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
