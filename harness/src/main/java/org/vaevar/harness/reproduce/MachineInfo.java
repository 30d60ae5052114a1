package org.vaevar.harness.reproduce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The machine a reproduction ran on, for the results page: CPU model (from {@code /proc/cpuinfo}), cores the JVM
 * sees, Java version, operating system, and the date.
 */
public record MachineInfo(String cpu, int cores, String java, String os, String date) {

    public static MachineInfo current() {
        return new MachineInfo(cpuModel(Path.of("/proc/cpuinfo")), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                        + System.getProperty("java.vendor") + ")",
                osName(Path.of("/etc/os-release")) + " (" + System.getProperty("os.name") + " "
                        + System.getProperty("os.version") + ", " + System.getProperty("os.arch") + ")",
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(Instant.now()));
    }

    /** The first "model name" of a cpuinfo file, or "unknown". */
    static String cpuModel(Path cpuinfo) {
        return field(cpuinfo, "model name", ':');
    }

    static String osName(Path osRelease) {
        return field(osRelease, "PRETTY_NAME", '=').replace("\"", "");
    }

    private static String field(Path file, String key, char separator) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int i = line.indexOf(separator);
                if (i > 0 && line.substring(0, i).trim().equals(key)) {
                    return line.substring(i + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or not readable: say so rather than fail the run.
        }
        return "unknown";
    }
}
