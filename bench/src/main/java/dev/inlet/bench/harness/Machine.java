package dev.inlet.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** The facts a result needs next to it: date, CPU, cores, JDK, and how busy the machine was. */
public final class Machine {

    private Machine() {
    }

    /** One line describing the machine and the moment. */
    public static String describe() {
        return "date " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "; " + cpu() + "; "
                + Runtime.getRuntime().availableProcessors() + " cores (nproc); JDK "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + "; "
                + load();
    }

    /** The CPU model from /proc/cpuinfo. */
    public static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    /** The load averages from /proc/loadavg. */
    public static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return "load " + parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "load unknown";
        }
    }
}
