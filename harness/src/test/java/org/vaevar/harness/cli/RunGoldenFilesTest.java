package org.vaevar.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code vaevar run} writes what it wrote when the cycle records were kept in memory and cycles.csv was written at
 * the end: the golden cycles.csv and summary.json (less its timings) were recorded that way, with the short run
 * of {@link RunDataFilesTest#runShort}, before the records streamed.
 */
class RunGoldenFilesTest {

    /** Fields that measure time, not results. */
    private static final String[] TIMINGS = {"wallSeconds", "msPerCycle", "timeShares"};

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"l96-3dvar", "l96-4dvar", "l96-sakov2008-etkf"})
    void cyclesCsvAndSummaryAreTheGoldenOnes(String preset) throws IOException {
        // The ensemble golden files were recorded with the Commons Math factorisation, then the default.
        Path dir = preset.contains("etkf") ? RunDataFilesTest.runShort(tmp.resolve(preset), preset,
                "--set", "method.solver=commons") : RunDataFilesTest.runShort(tmp.resolve(preset), preset);
        assertThat(Files.readString(dir.resolve("cycles.csv"))).isEqualTo(golden(preset, "cycles.csv"));
        assertThat(withoutTimings(Files.readString(dir.resolve("summary.json"))))
                .isEqualTo(withoutTimings(golden(preset, "summary.json")));
    }

    private static String golden(String preset, String file) throws IOException {
        try (InputStream in = RunGoldenFilesTest.class.getResourceAsStream("/golden/" + preset + "/" + file)) {
            assertThat(in).as("golden " + preset + "/" + file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The JSON in key order, its timing fields left out: numbers compare as written, to the last digit. */
    private static String withoutTimings(String json) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode tree = (ObjectNode) mapper.readTree(json);
        tree.remove(java.util.List.of(TIMINGS));
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    }
}
