package org.vaevar.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaevar.api.plugin.BackgroundErrorSamples;

class SamplesFileTest {

    @TempDir
    Path tmp;

    @Test
    void samplesComeBackBitForBitAndAChangedFileIsRefused() throws IOException {
        SplittableRandom r = new SplittableRandom(5);
        double[][] b = new double[7][3];
        double[][] t = new double[7][3];
        for (int k = 0; k < 7; k++) {
            for (int i = 0; i < 3; i++) {
                b[k][i] = r.nextGaussian() * 1e-300 + (i == 0 ? Math.PI * k : 0);
                t[k][i] = r.nextGaussian() * 1e10;
            }
        }
        Path f = tmp.resolve("work/p000-calibrate.samples");
        String sha = SamplesFile.write(f, new BackgroundErrorSamples(b, t));
        BackgroundErrorSamples back = SamplesFile.read(f, sha);
        assertThat(back.size()).isEqualTo(7);
        for (int k = 0; k < 7; k++) {
            assertThat(back.background(k)).isEqualTo(b[k]);
            assertThat(back.truth(k)).isEqualTo(t[k]);
        }
        byte[] bytes = Files.readAllBytes(f);
        bytes[bytes.length - 1] ^= 1;
        Files.write(f, bytes);
        assertThatThrownBy(() -> SamplesFile.read(f, sha)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not the recorded " + sha);
        assertThatThrownBy(() -> SamplesFile.read(tmp.resolve("absent"), sha)).isInstanceOf(IOException.class)
                .hasMessageContaining("shared file system");
    }
}
