package org.vaevar.priors.vae.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vaevar.priors.vae.net.Activation;
import org.vaevar.priors.vae.net.LayerSpec;

/** Which ND4J form a circular convolution takes (both are checked against plain Java in Nd4jAgreementTest). */
class Nd4jLayersTest {

    @Test
    void smallGridsUseTheDenseCirculantAndLargeOnesConv1d() {
        assertThat(Nd4jLayers.circulantFits(LayerSpec.convolution("c", 40, 16, 16, 5, Activation.TANH))).isTrue();
        assertThat(Nd4jLayers.circulantFits(LayerSpec.convolution("c", 160, 1, 8, 5, Activation.TANH))).isTrue();
        assertThat(Nd4jLayers.circulantFits(LayerSpec.convolution("c", 160, 8, 8, 5, Activation.TANH))).isFalse();
        assertThat(Nd4jLayers.circulantFits(LayerSpec.convolution("c", 1000, 1, 1, 5, Activation.TANH))).isTrue();
        assertThat(Nd4jLayers.circulantFits(LayerSpec.convolution("c", 2000, 1, 1, 5, Activation.TANH))).isFalse();
    }
}
