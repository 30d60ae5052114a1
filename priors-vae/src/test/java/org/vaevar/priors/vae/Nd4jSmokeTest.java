package org.vaevar.priors.vae;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class Nd4jSmokeTest {
    @Test
    void mmulWorks() {
        INDArray a = Nd4j.create(new double[][] {{1, 2}, {3, 4}});
        INDArray b = a.mmul(a);
        assertThat(b.getDouble(0, 0)).isEqualTo(7.0);
        System.out.println(Nd4j.getBackend().getClass() + " " + Nd4j.dataType());
    }
}
