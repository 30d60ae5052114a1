package org.vaevar.priors.vae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vaevar.api.plugin.BackgroundErrorSamples;

class SubWindowsTest {

    /** Sample k holds 100·k + i at point i (background) and its negative (truth). */
    private static BackgroundErrorSamples numbered(int count, int n) {
        double[][] xb = new double[count][n];
        double[][] xt = new double[count][n];
        for (int k = 0; k < count; k++) {
            for (int i = 0; i < n; i++) {
                xb[k][i] = 100 * k + i;
                xt[k][i] = -(100 * k + i);
            }
        }
        return new BackgroundErrorSamples(xb, xt);
    }

    @Test
    void cutsConsecutivePointsAtSpreadOffsetsShiftedPerSampleAndWrapsAroundThePeriodicGrid() {
        BackgroundErrorSamples w = SubWindows.cut(numbered(2, 10), 4, 2);
        assertThat(w.size()).isEqualTo(4);
        assertThat(w.dimension()).isEqualTo(4);
        // Sample 0: starts 0 and 5; sample 1: shifted by w = 4, starts 4 and 9 (wrapping to 0, 1, 2).
        assertThat(w.background(0)).containsExactly(0, 1, 2, 3);
        assertThat(w.background(1)).containsExactly(5, 6, 7, 8);
        assertThat(w.background(2)).containsExactly(104, 105, 106, 107);
        assertThat(w.background(3)).containsExactly(109, 100, 101, 102);
        assertThat(w.truth(3)).containsExactly(-109, -100, -101, -102);
    }

    @Test
    void refusesAWindowLongerThanTheGridAndNoWindows() {
        assertThatThrownBy(() -> SubWindows.cut(numbered(1, 5), 6, 1)).hasMessageContaining("window of 6 points");
        assertThatThrownBy(() -> SubWindows.cut(numbered(1, 5), 3, 0)).hasMessageContaining("at least 1");
    }
}
