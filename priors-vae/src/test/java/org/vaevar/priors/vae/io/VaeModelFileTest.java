package org.vaevar.priors.vae.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaevar.priors.vae.TestVaes;
import org.vaevar.priors.vae.TrainedVae;

/** The model file: round trip, atomic replacement, and every refusal with a message naming the problem. */
class VaeModelFileTest {

    @TempDir
    Path dir;

    private final TrainedVae vae = TestVaes.random(TestVaes.conv(6, true), 41);

    @Test
    void roundTripKeepsEveryBitOfWeightsNormalisationSettingsAndSetup() {
        Path f = dir.resolve("prior.vaeprior");
        VaeModelFile.write(vae, f);
        TrainedVae back = VaeModelFile.read(f, 6, Map.of("model", "test"));
        assertThat(back.architecture()).isEqualTo(vae.architecture());
        assertThat(back.training()).isEqualTo(vae.training());
        assertThat(back.setup()).isEqualTo(vae.setup());
        assertThat(back.weights().keySet()).containsExactlyElementsOf(vae.weights().keySet());
        for (String k : vae.weights().keySet()) {
            assertThat(back.weights().get(k)).as(k).containsExactly(vae.weights().get(k));
        }
        assertThat(back.normalisation().correctionScale()).containsExactly(vae.normalisation().correctionScale());
        assertThat(back.normalisation().backgroundMean()).containsExactly(vae.normalisation().backgroundMean());
        assertThat(back.summary().validationLoss()).isNaN(); // NaN survives the JSON round trip
        double[] z = {0.3, -0.1, 0.8, 0.0, -1.2, 0.5};
        double[] in = vae.architecture().joinWithBackground(z, 1, new double[] {1, 2, 3, 4, 5, 6});
        assertThat(back.decoder().apply(in)).containsExactly(vae.decoder().apply(in));
        assertThat(VaeModelFile.encode(back)).as("deterministic bytes").isEqualTo(VaeModelFile.encode(vae));
    }

    @Test
    void writingReplacesAnExistingFileAndLeavesNoTemporaryFiles() throws IOException {
        Path f = dir.resolve("prior.vaeprior");
        Files.writeString(f, "old content");
        VaeModelFile.write(vae, f);
        assertThat(VaeModelFile.read(f).architecture()).isEqualTo(vae.architecture());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(f);
        }
    }

    @Test
    void truncatedFileIsRefused() throws IOException {
        Path f = dir.resolve("prior.vaeprior");
        VaeModelFile.write(vae, f);
        byte[] all = Files.readAllBytes(f);
        for (int keep : new int[] {all.length - 3, all.length / 2, 40}) {
            Files.write(f, java.util.Arrays.copyOf(all, keep));
            assertThatThrownBy(() -> VaeModelFile.read(f)).as("kept %d of %d bytes", keep, all.length)
                    .isInstanceOf(VaeModelFileException.class)
                    .hasMessageContaining(f.toString())
                    .hasMessageContaining("truncated or corrupt");
        }
    }

    @Test
    void oneChangedByteIsCaughtByTheChecksum() throws IOException {
        Path f = dir.resolve("prior.vaeprior");
        VaeModelFile.write(vae, f);
        byte[] all = Files.readAllBytes(f);
        String text = new String(all, StandardCharsets.UTF_8);
        int at = text.indexOf("\"data\" : \"") + 12;
        all[at] = (byte) (all[at] == 'A' ? 'B' : 'A');
        Files.write(f, all);
        assertThatThrownBy(() -> VaeModelFile.read(f))
                .isInstanceOf(VaeModelFileException.class)
                .hasMessageContaining("SHA-256");
    }

    @Test
    void unknownVersionIsRefusedByNumber() throws IOException {
        Path f = dir.resolve("future.vaeprior");
        Files.write(f, withHeader("vaevar-vae-prior 2"));
        assertThatThrownBy(() -> VaeModelFile.read(f))
                .isInstanceOf(VaeModelFileException.class)
                .hasMessageContaining("format version 2 is not supported")
                .hasMessageContaining("reads version 1");
    }

    @Test
    void aFileOfAnotherKindIsRefused() throws IOException {
        Path f = dir.resolve("other.json");
        Files.writeString(f, "{\"not\": \"a prior\"}\n");
        assertThatThrownBy(() -> VaeModelFile.read(f))
                .isInstanceOf(VaeModelFileException.class)
                .hasMessageContaining("not a vaevar VAE prior file");
        assertThatThrownBy(() -> VaeModelFile.read(dir.resolve("missing.vaeprior")))
                .isInstanceOf(VaeModelFileException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void aModelForAnotherStateDimensionIsRefused() {
        Path f = dir.resolve("prior.vaeprior");
        VaeModelFile.write(vae, f);
        assertThatThrownBy(() -> VaeModelFile.read(f, 40, null))
                .isInstanceOf(VaeModelFileException.class)
                .hasMessageContaining("trained for state dimension 6")
                .hasMessageContaining("state dimension 40");
    }

    @Test
    void aModelForAnotherSetupIsRefusedNamingTheDifference() {
        Path f = dir.resolve("prior.vaeprior");
        VaeModelFile.write(vae, f);
        assertThatThrownBy(() -> VaeModelFile.read(f, 6, Map.of("model", "lorenz96", "F", 8)))
                .isInstanceOf(VaeModelFileException.class)
                .hasMessageContaining("another experiment setup")
                .hasMessageContaining("model: this experiment has \"lorenz96\", the file \"test\"")
                .hasMessageContaining("F: this experiment has 8, the file (absent)");
        // Same values written with other Java types compare equal (5 vs 5L, lists vs arrays).
        Path g = dir.resolve("typed.vaeprior");
        TrainedVae typed = new TrainedVae(vae.architecture(), vae.normalisation(), vae.training(), vae.summary(),
                Map.of("steps", 5L, "observed", List.of(0, 2)), vae.weights());
        VaeModelFile.write(typed, g);
        assertThat(VaeModelFile.read(g, 6, Map.of("steps", 5, "observed", new int[] {0, 2})).setup())
                .containsKey("steps");
    }

    /** The file of {@link #vae} with another first line and a valid checksum. */
    @Test
    void theNormalisationModeIsRecordedAndAFileFromBeforeItLoadsWithItsOwnFlag() throws IOException {
        String text = new String(VaeModelFile.encode(vae), StandardCharsets.UTF_8);
        assertThat(text).contains("\"normalisation\" : \"component\"");
        for (boolean pooled : new boolean[] {true, false}) {
            // A file written before the mode existed records the flag "pooledScale" instead.
            String body = text.substring(0, text.lastIndexOf("\n#sha256 "))
                    .replace("\"normalisation\" : \"component\"", "\"pooledScale\" : " + pooled);
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            Path f = dir.resolve("old-" + pooled + ".vaeprior");
            Files.writeString(f, body + "\n#sha256 " + HexFormat.of().formatHex(VaeModelFile.sha256(b)) + "\n");
            TrainedVae old = VaeModelFile.read(f);
            assertThat(old.training().pooled()).isEqualTo(pooled);
            assertThat(old.normalisation().backgroundMean()).containsExactly(vae.normalisation().backgroundMean());
        }
    }

    private byte[] withHeader(String firstLine) {
        String text = new String(VaeModelFile.encode(vae), StandardCharsets.UTF_8);
        String body = firstLine + text.substring(text.indexOf('\n'), text.lastIndexOf("\n#sha256 "));
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        String trailer = "\n#sha256 " + HexFormat.of().formatHex(VaeModelFile.sha256(b)) + "\n";
        return (body + trailer).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aModelFileGetsTheSameModeAsAnyOtherNewFileAndNoTemporaryIsLeft() throws IOException {
        Path f = dir.resolve("mode.vaeprior");
        VaeModelFile.write(vae, f);
        Path ordinary = Files.writeString(dir.resolve("ordinary.txt"), "x");
        assertThat(Files.getPosixFilePermissions(f)).isEqualTo(Files.getPosixFilePermissions(ordinary));
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("mode.vaeprior",
                    "ordinary.txt");
        }
    }

    @Test
    void aDirectoryIsRefusedAsNotAModelFile() throws IOException {
        Path d = Files.createDirectory(dir.resolve("d.vaeprior"));
        assertThatThrownBy(() -> VaeModelFile.read(d)).isInstanceOf(VaeModelFileException.class)
                .hasMessageContaining("is a directory");
    }
}
