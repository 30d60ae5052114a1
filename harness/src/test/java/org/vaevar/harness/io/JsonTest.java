package org.vaevar.harness.io;

import org.vaevar.assimilation.config.ConfigSyntaxException;
import org.vaevar.assimilation.config.ConfigText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTest {

    @TempDir
    Path dir;

    record Summary(String method, double rmse, int cycles, double[] perSeed) {
    }

    @Test
    void writesMapsInInsertionOrderAndRecordsInComponentOrderAndReadsThemBack() throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("zeta", 1);
        m.put("alpha", new Summary("3dvar", 0.1, 200, new double[] {0.3, 1e-300}));
        m.put("middle", List.of("a", "b"));
        Path f = dir.resolve("summary.json");
        Json.write(f, m);
        String text = Files.readString(f);
        assertThat(text).endsWith("\n");
        assertThat(text.indexOf("zeta")).isLessThan(text.indexOf("alpha"));
        assertThat(text.indexOf("alpha")).isLessThan(text.indexOf("middle"));
        assertThat(text.indexOf("\"method\"")).isLessThan(text.indexOf("\"rmse\""));

        Map<String, Object> back = ConfigText.readObject(f);
        assertThat(back.keySet()).containsExactly("zeta", "alpha", "middle");
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) back.get("alpha");
        assertThat(s.get("rmse")).isEqualTo(0.1); // doubles round-trip exactly
        assertThat(s.get("cycles")).isEqualTo(200);
        assertThat(s.get("perSeed")).isEqualTo(List.of(0.3, 1e-300));
    }

    @Test
    void nonFiniteNumbersAreWrittenAsStringsSoTheFileStaysValidJson() throws IOException {
        Path f = dir.resolve("s.json");
        Json.write(f, Map.of("rmse", Double.NaN));
        assertThat(Files.readString(f)).contains("\"NaN\"");
        assertThat(ConfigText.readObject(f)).containsEntry("rmse", "NaN");
    }

    @Test
    void syntaxErrorNamesFileLineAndColumn() throws IOException {
        // The missing comma makes the "b" key on line 3 unexpected; its quote is in column 3.
        String text = "{\n  \"a\": 1\n  \"b\": 2\n}\n";
        Path f = Files.writeString(dir.resolve("config.json"), text);
        assertThatThrownBy(() -> ConfigText.readObject(f))
                .isInstanceOfSatisfying(ConfigSyntaxException.class, e -> {
                    assertThat(e.file()).isEqualTo(f);
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(text.split("\n")[2].indexOf('"') + 1);
                    assertThat(e.getMessage()).startsWith(f + ":3:3: ");
                });
    }

    @Test
    void duplicateKeysAreAnErrorNotASilentOverride() throws IOException {
        Path f = Files.writeString(dir.resolve("dup.json"), "{\"cycles\": 10,\n \"cycles\": 20}");
        assertThatThrownBy(() -> ConfigText.readObject(f)).isInstanceOf(ConfigSyntaxException.class)
                .hasMessageContaining("cycles").hasMessageContaining("dup.json:2:");
    }

    @Test
    void topLevelMustBeAnObjectAndNothingMayFollowIt() throws IOException {
        Path arr = Files.writeString(dir.resolve("arr.json"), "[1, 2]");
        assertThatThrownBy(() -> ConfigText.readObject(arr)).isInstanceOf(ConfigSyntaxException.class)
                .hasMessageContaining("arr.json:1:1").hasMessageContaining("expected a JSON object");
        Path trailing = Files.writeString(dir.resolve("trail.json"), "{\"a\": 1}\n{\"b\": 2}");
        assertThatThrownBy(() -> ConfigText.readObject(trailing)).isInstanceOf(ConfigSyntaxException.class)
                .hasMessageContaining("trail.json:2:");
        Path empty = Files.writeString(dir.resolve("empty.json"), "  \n");
        assertThatThrownBy(() -> ConfigText.readObject(empty)).isInstanceOf(ConfigSyntaxException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void missingFileIsNamed() {
        Path f = dir.resolve("nope.json");
        assertThatThrownBy(() -> ConfigText.readObject(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("does not exist");
    }
}
