package org.vaevar.assimilation.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The written form of a config feeds summary.json, plan.json and the SHA-256 identities of resumable work items: it
 * must stay byte for byte what the hand-written maps gave before the Jackson binding (recorded once, from that code,
 * in {@code config/main-to-map.json}), for every preset and for variants that write the optional fields.
 */
class SerialisedFormTest {

    /** The variants recorded beside the presets: each sets fields a preset leaves at their default. */
    static Map<String, List<String>> variants() {
        Map<String, List<String>> v = new LinkedHashMap<>();
        v.put("l63-sakov2012 adaptive", List.of("tuning.search=adaptive", "tuning.budget=9", "tuning.seeds=2",
                "tuning.grid=[0.25,0.5,1,2]", "tuning.rangeFactor=100"));
        v.put("l96-3dvar nmc", List.of("calibration.source=nmc", "calibration.nmcLeads=[1,3]"));
        v.put("l96-3dvar rounds", List.of("calibration.rounds=2", "calibration.roundSamples=mixed",
                "calibration.source=window"));
        v.put("l96-3dvar imperfect", List.of("truthModel.forcing=8.5", "observations.noise=null",
                "observations.variance=2.25", "stopping.maxIterations=17", "seed=12345678901"));
        v.put("l63-3dvar expected", List.of("expected.rmse=0.5", "expected.tolerance=0.1", "expected.cycles=50",
                "method.name=variational"));
        return v;
    }

    @Test
    void everyPresetIsWrittenByteForByteAsBefore() throws IOException {
        Map<String, Object> now = new LinkedHashMap<>();
        for (String n : Presets.names()) {
            now.put(n, Presets.load(n).toMap());
        }
        variants().forEach((key, sets) -> now.put(key, Presets.load(key.split(" ", 2)[0], sets).toMap()));
        String written = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(now) + "\n";
        String recorded;
        try (InputStream in = getClass().getResourceAsStream("/config/main-to-map.json")) {
            recorded = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(now).hasSize(Presets.names().size() + variants().size());
        assertThat(written).isEqualTo(recorded);
    }

    @Test
    void everyPresetReadsBackFromItsWrittenFormToAnEqualConfig() {
        for (String n : Presets.names()) {
            ExperimentConfig c = Presets.load(n);
            assertThat(ConfigReader.read(c.toMap())).as(n).isEqualTo(c);
        }
    }
}
