package org.vaevar.harness.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private ProgressBar bar(int width) {
        return new ProgressBar(out, false, nanos::get, ProgressBar.DEFAULT_MIN_INTERVAL_NANOS, width);
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** What a terminal shows: per line, the text after the last carriage return, trailing blanks removed. */
    private List<String> screen() {
        List<String> lines = new ArrayList<>();
        for (String line : output().split("\n", -1)) {
            String visible = line.substring(line.lastIndexOf('\r') + 1).stripTrailing();
            lines.add(visible);
        }
        return lines;
    }

    @Test
    void quietWhenRequestedOrInCiLiveOnAConsoleLogLinesWithoutOne() {
        assertThat(ProgressBar.styleFor(true, true, Map.of())).isEqualTo(ProgressBar.Style.QUIET);
        assertThat(ProgressBar.styleFor(true, false, Map.of())).isEqualTo(ProgressBar.Style.QUIET);
        assertThat(ProgressBar.styleFor(false, true, Map.of("CI", "true"))).isEqualTo(ProgressBar.Style.QUIET);
        assertThat(ProgressBar.styleFor(false, false, Map.of("CI", ""))).isEqualTo(ProgressBar.Style.QUIET);
        assertThat(ProgressBar.styleFor(false, true, Map.of("CI", "false"))).isEqualTo(ProgressBar.Style.LIVE);
        assertThat(ProgressBar.styleFor(false, true, Map.of())).isEqualTo(ProgressBar.Style.LIVE);
        assertThat(ProgressBar.styleFor(false, false, Map.of())).isEqualTo(ProgressBar.Style.LOG);
    }

    @Test
    void aLogWritesWholeLinesAtMostOncePerIntervalAndEveryFinishedTask() {
        long interval = ProgressBar.LOG_INTERVAL_NANOS;
        ProgressBar log = new ProgressBar(out, ProgressBar.Style.LOG, nanos::get, interval, 200);
        log.update("settings", 0, 4, "");                 // first update: a line at once
        log.update("vae", 0, 10, "");                      // within the interval: nothing
        nanos.addAndGet(interval / 2);
        log.update("vae", 5, 10, "loss 1.2");              // still within: nothing
        log.update("vae", 10, 10, "loss 0.9");             // a finished task always gets its line
        nanos.addAndGet(interval);
        log.update("settings", 1, 4, "");                  // interval passed: a status line
        log.log("calibrated");
        log.close();                                       // unfinished tasks: the log already has them
        assertThat(output()).doesNotContain("\r");
        List<String> lines = output().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("settings   0% [");
        assertThat(lines.get(1)).startsWith("vae 100% [").contains("10/10").contains("loss 0.9");
        assertThat(lines.get(2)).startsWith("settings  25% [").contains("1/4");
        assertThat(lines.get(3)).isEqualTo("calibrated");
    }

    @Test
    void quietBarPrintsNothingButStillChecksArguments() {
        ProgressBar quiet = new ProgressBar(out, true, nanos::get, 0, 80);
        quiet.update("cycles", 1, 10, "x");
        quiet.log("hello");
        quiet.close();
        assertThat(output()).isEmpty();
        assertThatThrownBy(() -> quiet.update("cycles", 11, 10, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("done = 11 exceeds total = 10");
    }

    @Test
    void showsPercentRateEtaAndStatus() {
        ProgressBar b = bar(200);
        b.update("cycles", 0, 100, "");
        nanos.addAndGet(10_000_000_000L); // 50 units in 10 s: 5/s, 50 left: ETA 10 s
        b.update("cycles", 50, 100, "rmse 0.31");
        String live = screen().get(0);
        assertThat(live).startsWith("cycles  50% [############            ] 50/100 5.0/s ETA 0:10  rmse 0.31");
    }

    @Test
    void redrawsAtMostTenTimesASecondButAlwaysDrawsTheFinalUpdate() {
        ProgressBar b = bar(120);
        for (int i = 0; i < 99; i++) {
            b.update("train vae", i, 100, "");
            nanos.addAndGet(1_000_000L); // 1 ms per epoch: 99 updates in 99 ms
        }
        assertThat(output().chars().filter(c -> c == '\r').count()).isEqualTo(1);
        nanos.addAndGet(100_000_000L);
        b.update("train vae", 99, 100, "");
        assertThat(output().chars().filter(c -> c == '\r').count()).isEqualTo(2);
        b.update("train vae", 100, 100, "done");
        assertThat(output()).endsWith("\n");
        List<String> lines = screen();
        assertThat(lines.get(0)).startsWith("train vae 100% [########################] 100/100").contains(" in 0:00")
                .endsWith("done");
        b.close();
        assertThat(screen()).hasSize(2).last().isEqualTo("");
    }

    @Test
    void severalTasksShareOneLiveLineAndFinishedTasksGetTheirOwnLine() {
        ProgressBar b = bar(200);
        b.update("seed 1", 0, 10, "");
        nanos.addAndGet(200_000_000L);
        b.update("seed 2", 0, 10, "");
        nanos.addAndGet(200_000_000L);
        b.update("seed 1", 5, 10, "");
        assertThat(screen().get(0)).contains("seed 1 50%").contains(" | ").contains("seed 2 0%");
        b.update("seed 1", 10, 10, "");
        b.close();
        List<String> lines = screen();
        assertThat(lines.get(0)).startsWith("seed 1 100%");
        assertThat(lines.get(1)).startsWith("seed 2   0% [");
    }

    @Test
    void unknownTotalShowsCountWithoutPercent() {
        ProgressBar b = bar(100);
        b.update("epochs", 0, 0, "");
        nanos.addAndGet(2_000_000_000L);
        b.update("epochs", 4, 0, "");
        assertThat(screen().get(0)).isEqualTo("epochs 4 2.0/s");
    }

    @Test
    void longLinesAreCutToTheWidthAndShorterLinesBlankOutLongerOnes() {
        ProgressBar b = bar(60);
        b.update("cycles", 1, 10, "x".repeat(200));
        String first = output();
        assertThat(first.substring(1)).hasSize(60);
        nanos.addAndGet(200_000_000L);
        b.update("cycles", 2, 10, "");
        String second = output().substring(first.length());
        assertThat(second.substring(1)).hasSize(60); // padded with blanks over the longer previous line
    }

    @Test
    void logPrintsAboveTheBar() {
        ProgressBar b = bar(100);
        b.update("cycles", 1, 10, "");
        b.log("warning: minimizer hit its iteration limit at cycle 1");
        b.close();
        List<String> lines = screen();
        assertThat(lines.get(0)).isEqualTo("warning: minimizer hit its iteration limit at cycle 1");
        assertThat(lines.get(1)).startsWith("cycles  10%");
    }

    @Test
    void concurrentTasksNeverInterleaveWithinALine() throws InterruptedException {
        ProgressBar b = new ProgressBar(out, false, System::nanoTime, 0, 400); // no throttle: maximal contention
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String name = "task" + t;
            threads.add(new Thread(() -> {
                for (int i = 0; i <= 200; i++) {
                    b.update(name, i, 200, "s" + i);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        b.close();
        // Every redraw is a whole line: each segment between carriage returns/newlines starts with a task name.
        for (String segment : output().split("[\r\n]")) {
            if (!segment.isBlank()) {
                assertThat(segment).matches("task[0-3] .*");
            }
        }
        List<String> finished = screen().stream().filter(l -> l.contains("100%")).toList();
        assertThat(finished).hasSize(4);
    }

    @Test
    void badArgumentsAreNamed() {
        ProgressBar b = bar(100);
        assertThatThrownBy(() -> b.update("cycles", -1, 10, "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cycles").hasMessageContaining("done = -1");
        assertThatThrownBy(() -> new ProgressBar(out, false, nanos::get, 0, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxWidth = 10");
    }

    @Test
    void durationsAndRatesFormat() {
        assertThat(ProgressBar.formatDuration(3725)).isEqualTo("1:02:05");
        assertThat(ProgressBar.formatDuration(59.6)).isEqualTo("1:00");
        assertThat(ProgressBar.formatDuration(Double.POSITIVE_INFINITY)).isEqualTo("?");
        assertThat(ProgressBar.formatRate(0.25)).isEqualTo("4.0 s/it");
        assertThat(ProgressBar.formatRate(1234)).isEqualTo("1234/s");
        assertThat(ProgressBar.terminalWidth(Map.of("COLUMNS", "132"))).isEqualTo(131);
        assertThat(ProgressBar.terminalWidth(Map.of("COLUMNS", "junk"))).isEqualTo(100);
    }
}
