package org.vaevar.priors.vae.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaevar.priors.vae.Normalisation;
import org.vaevar.priors.vae.TestVaes;
import org.vaevar.priors.vae.TrainedVae;

/** A circular-conv VAE trained at one n loads at another n of the same setup; everything else is refused. */
class GridTransferTest {

    @TempDir
    Path dir;

    private static final Map<String, Object> SETUP_6 = Map.of(
            "model", Map.of("name", "lorenz96", "n", 6, "forcing", 8.0),
            "observations", Map.of("every", 2, "noise", 1.0));

    private static Map<String, Object> setup(int n, double forcing) {
        return Map.of("model", Map.of("name", "lorenz96", "n", n, "forcing", forcing),
                "observations", Map.of("every", 2, "noise", 1.0));
    }

    /** A conditional conv VAE at n = 6 with pooled scales (σ_δ = 0.7, s_b = 1.3) and per-point background means. */
    private static TrainedVae pooledConv() {
        TrainedVae raw = TestVaes.random(TestVaes.conv(6, true), 51);
        double[] sigma = new double[6];
        double[] sb = new double[6];
        Arrays.fill(sigma, 0.7);
        Arrays.fill(sb, 1.3);
        return new TrainedVae(raw.architecture(),
                new Normalisation(sigma, new double[] {1, 2, 3, 4, 5, 6}, sb), raw.training(), raw.summary(),
                SETUP_6, raw.weights());
    }

    private Path written(TrainedVae vae) {
        Path f = dir.resolve("prior.vaeprior");
        VaeModelFile.write(vae, f);
        return f;
    }

    @Test
    void aConvModelRunsOnAnotherGridOfTheSameModel() {
        TrainedVae vae = pooledConv();
        TrainedVae wide = VaeModelFile.read(written(vae), 12, setup(12, 8.0));
        assertThat(wide.stateDimension()).isEqualTo(12);
        assertThat(wide.latentDimension()).isEqualTo(12);
        assertThat(wide.normalisation().correctionScale()).containsOnly(0.7).hasSize(12);
        assertThat(wide.normalisation().backgroundScale()).containsOnly(1.3).hasSize(12);
        assertThat(wide.normalisation().backgroundMean()).containsOnly(3.5).hasSize(12); // the spatial mean
        assertThat(wide.setup()).isEqualTo(setup(12, 8.0));
        // On a grid of 12 points an input of period 6 gives the n = 6 output twice: the same kernels, applied.
        double[] z = {0.3, -0.1, 0.8, 0.0, -1.2, 0.5};
        double[] xb = {1.0, -2.0, 0.5, 0.25, 2.0, -1.0};
        double[] small = vae.decoder().apply(vae.architecture().joinWithBackground(z, 1, xb));
        double[] zz = new double[12];
        double[] xbxb = new double[12];
        for (int i = 0; i < 12; i++) {
            zz[i] = z[i % 6];
            xbxb[i] = xb[i % 6];
        }
        double[] large = wide.decoder().apply(wide.architecture().joinWithBackground(zz, 1, xbxb));
        for (int i = 0; i < 12; i++) {
            assertThat(large[i]).as("output %d", i).isCloseTo(small[i % 6], within(1e-12));
        }
        // Written again, the wide model is a model file of n = 12 in its own right.
        Path again = dir.resolve("wide.vaeprior");
        VaeModelFile.write(wide, again);
        assertThat(VaeModelFile.read(again, 12, setup(12, 8.0)).stateDimension()).isEqualTo(12);
    }

    @Test
    void anythingElseThatDiffersIsStillRefused() {
        Path f = written(pooledConv());
        assertThatThrownBy(() -> VaeModelFile.read(f, 12, setup(12, 8.5)))
                .isInstanceOf(VaeModelFileException.class)
                .hasMessageContaining("trained for state dimension 6, but this experiment has state dimension 12")
                .hasMessageContaining("another setup: model: this experiment has")
                .hasMessageContaining("\"forcing\":8.5") // Map.of order varies: check the fields
                .hasMessageContaining("the file {")
                .hasMessageContaining("\"forcing\":8.0");
        assertThatThrownBy(() -> VaeModelFile.read(f, 2, setup(2, 8.0)))
                .isInstanceOf(VaeModelFileException.class)
                .hasMessageContaining("kernel of 3 points is wider than the grid");
    }

    @Test
    void perComponentScalesAndMlpsAreRefused() {
        Path conv = written(TestVaes.random(TestVaes.conv(6, false), 52)); // per-component σ_δ
        assertThatThrownBy(() -> VaeModelFile.read(conv, 12, null))
                .isInstanceOf(VaeModelFileException.class)
                .hasMessageContaining("per-component scales (trained with normalisation = component)");
        Path mlp = dir.resolve("mlp.vaeprior");
        VaeModelFile.write(TestVaes.random(TestVaes.mlp(6, false), 53), mlp);
        assertThatThrownBy(() -> VaeModelFile.read(mlp, 12, null))
                .isInstanceOf(VaeModelFileException.class)
                .hasMessageContaining("trained for state dimension 6")
                .hasMessageContaining("a mlp architecture depends on it");
    }

    @Test
    void aFileThatDoesNotRecordSizeIndependenceIsRefused() throws IOException {
        // A file written before the field existed: the same content without "sizeIndependent", re-checksummed.
        String text = new String(VaeModelFile.encode(pooledConv()), StandardCharsets.UTF_8);
        String body = text.substring(0, text.lastIndexOf("\n#sha256 ")).replace(",\n    \"sizeIndependent\" : true", "");
        assertThat(body).doesNotContain("sizeIndependent");
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        Path f = dir.resolve("old.vaeprior");
        Files.write(f, (body + "\n#sha256 " + HexFormat.of().formatHex(VaeModelFile.sha256(b)) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(VaeModelFile.read(f, 6, SETUP_6).stateDimension()).isEqualTo(6);
        assertThatThrownBy(() -> VaeModelFile.read(f, 12, setup(12, 8.0)))
                .isInstanceOf(VaeModelFileException.class)
                .hasMessageContaining("whose file does not record it as size-independent");
    }
}
