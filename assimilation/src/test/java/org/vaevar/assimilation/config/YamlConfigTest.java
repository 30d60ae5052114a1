package org.vaevar.assimilation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** YAML configs read into the same experiment as their JSON twin, with the same strictness. */
class YamlConfigTest {

    @TempDir
    Path dir;

    @Test
    void aYamlConfigIsTheSameExperimentAsItsJsonTwin() throws IOException {
        for (String preset : List.of("l63-3dvar", "l96-vae4dvar")) {
            Path yaml = dir.resolve(preset + ".yaml");
            Files.writeString(yaml, new YAMLMapper().writeValueAsString(Presets.tree(preset)));
            assertThat(Files.readString(yaml)).doesNotContain("{\"");
            assertThat(Presets.load(yaml.toString(), List.of("cycles=777")))
                    .isEqualTo(Presets.load(preset, List.of("cycles=777")));
        }
    }

    @Test
    void aDuplicateKeyIsRefusedWithItsLine() throws IOException {
        Path yaml = dir.resolve("dup.yml");
        Files.writeString(yaml, "name: a\nseed: 1\nseed: 2\n");
        assertThatThrownBy(() -> Presets.load(yaml.toString())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("dup.yml:3:").hasMessageContaining("seed");
    }

    @Test
    void aTopLevelListOrASecondDocumentIsRefused() throws IOException {
        Path list = dir.resolve("list.yaml");
        Files.writeString(list, "- a\n- b\n");
        assertThatThrownBy(() -> Presets.load(list.toString())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("list.yaml:1:").hasMessageContaining("YAML mapping");
        Path two = dir.resolve("two.yaml");
        Files.writeString(two, "name: a\n---\nname: b\n");
        assertThatThrownBy(() -> Presets.load(two.toString())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("more than one document");
    }

    @Test
    void aMisspeltFieldIsNamedAsInJson() throws IOException {
        Path yaml = dir.resolve("typo.yaml");
        String text = new YAMLMapper().writeValueAsString(Presets.tree("l63-3dvar")).replace("cycles:", "cylces:");
        Files.writeString(yaml, text);
        assertThatThrownBy(() -> Presets.load(yaml.toString())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("cylces");
    }
}
