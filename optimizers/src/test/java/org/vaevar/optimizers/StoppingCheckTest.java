package org.vaevar.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vaevar.api.StoppingCriteria;

class StoppingCheckTest {

    @Test
    void gradientToleranceIsRelativeToTheFirstGradientAboveOneAndAbsoluteBelow() {
        StoppingCriteria c = new StoppingCriteria(10, 10, 1e-3, 0);
        StoppingCheck large = new StoppingCheck(c, 1000); // threshold 1e-3 · 1000 = 1
        assertThat(large.gradientSmall(1.0)).isTrue();
        assertThat(large.gradientSmall(Math.nextUp(1.0))).isFalse();
        StoppingCheck small = new StoppingCheck(c, 0.01); // threshold 1e-3 · max(1, 0.01) = 1e-3
        assertThat(small.gradientSmall(1e-3)).isTrue();
        assertThat(small.gradientSmall(1.1e-3)).isFalse();
        assertThat(small.gradientSmall(Double.NaN)).isFalse();
    }

    @Test
    void costStagnationIsRelativeToMaxOfOneAndTheCostAndOffAtZero() {
        // Powers of two keep every difference and product exact.
        double tol = 0x1p-20;
        StoppingCheck check = new StoppingCheck(new StoppingCriteria(10, 10, 0, tol), 1);
        assertThat(check.costStagnated(1024 + 0x1p-10, 1024)).isTrue();  // decrease 2^-10 ≤ 2^-20 · 1024
        assertThat(check.costStagnated(1024 + 0x1p-9, 1024)).isFalse();
        assertThat(check.costStagnated(0.5 + 0x1p-20, 0.5)).isTrue();    // 2^-20 ≤ 2^-20 · max(1, 0.5)
        assertThat(check.costStagnated(0.5 + 0x1p-19, 0.5)).isFalse();
        StoppingCheck off = new StoppingCheck(new StoppingCriteria(10, 10, 0, 0), 1);
        assertThat(off.costStagnated(1, 1)).isFalse();
    }
}
