package org.vaevar.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code vaevar run} writes what it wrote when the cycle records were kept in memory and cycles.csv was written at
 * the end: the golden cycles.csv and summary.json (less its timings) were recorded that way, with the arguments
 * below, before the records streamed.
 */
class RunGoldenFilesTest {

    private static final String[] SHORT = {"--cycles", "60", "--set", "spinupCycles=10", "--set",
            "calibration.cycles=150", "--set", "calibration.spinupCycles=20", "--set", "calibration.runs=1",
            "--set", "tuning.grid=[1.0]", "--set", "tuning.cycles=60", "--set", "tuning.spinupCycles=10", "-q"};

    /** Fields that measure time, not results. */
    private static final String[] TIMINGS = {"wallSeconds", "msPerCycle", "timeShares"};

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"l96-3dvar", "l96-4dvar", "l96-sakov2008-etkf"})
    void cyclesCsvAndSummaryAreTheGoldenOnes(String preset) throws IOException {
        Path dir = tmp.resolve(preset);
        String[] args = new String[SHORT.length + 4];
        System.arraycopy(new String[] {"run", preset, "--out", dir.toString()}, 0, args, 0, 4);
        System.arraycopy(SHORT, 0, args, 4, SHORT.length);
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
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
