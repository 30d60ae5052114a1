package org.vaevar.assimilation.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The written form of a config feeds summary.json, plan.json and the SHA-256 identities of resumable work items: it
 * must stay byte for byte what the hand-written maps gave before the Jackson binding (recorded once, from that code,
 * in {@code config/main-to-map.json}, re-written here by the same writer), for every preset and for variants that
 * write the optional fields.
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
        ObjectMapper json = new ObjectMapper();
        Map<String, Object> recorded;
        try (InputStream in = getClass().getResourceAsStream("/config/main-to-map.json")) {
            recorded = json.readValue(in, new TypeReference<LinkedHashMap<String, Object>>() {
            });
        }
        assertThat(recorded.keySet()).as("every preset and variant is recorded")
                .containsAll(Presets.names()).containsAll(variants().keySet());
        // In the recorded order; a preset recorded from elsewhere but not shipped here is left out of both sides.
        Map<String, Object> was = new LinkedHashMap<>();
        Map<String, Object> now = new LinkedHashMap<>();
        recorded.forEach((key, map) -> {
            String preset = key.split(" ", 2)[0];
            if (Presets.names().contains(preset)) {
                was.put(key, map);
                now.put(key, Presets.load(preset, variants().getOrDefault(key, List.of())).toMap());
            }
        });
        assertThat(json.writerWithDefaultPrettyPrinter().writeValueAsString(now))
                .isEqualTo(json.writerWithDefaultPrettyPrinter().writeValueAsString(was));
    }

    @Test
    void everyPresetReadsBackFromItsWrittenFormToAnEqualConfig() {
        for (String n : Presets.names()) {
            ExperimentConfig c = Presets.load(n);
            assertThat(ConfigReader.read(c.toMap())).as(n).isEqualTo(c);
        }
    }
}
