package org.vaevar.priors.vae;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** ND4J 1.0.0-M2.1 loads its native CPU backend here (Java 17, nd4j-native + linux-x86_64 classifiers). */
class Nd4jSmokeTest {

    @Test
    void theNativeCpuBackendLoadsAndMultiplies() {
        assertThat(Nd4j.getBackend().getClass().getSimpleName()).isEqualTo("CpuBackend");
        INDArray a = Nd4j.create(new double[][] {{1, 2}, {3, 4}});
        assertThat(a.mmul(a).toDoubleMatrix()).isDeepEqualTo(new double[][] {{7, 10}, {15, 22}});
    }
}
