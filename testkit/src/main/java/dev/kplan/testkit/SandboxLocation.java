package dev.kplan.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Where the sandbox's files are ({@code <project root>/.kplan-sandbox}) and whether the services a test needs run.
 *
 * <p>The project root comes from the system property {@code kplan.root.dir} (set by the parent POM's failsafe
 * configuration), else the environment variable {@code KPLAN_ROOT_DIR}, else the nearest folder upwards from the
 * working directory that has {@code scripts/sandbox}.
 */
public record SandboxLocation(Path dir) {

    public SandboxLocation {
        requireNonNull(dir, "dir is null");
    }

    public static SandboxLocation find() {
        String root = System.getProperty("kplan.root.dir");
        if (root == null || root.isBlank()) {
            root = System.getenv("KPLAN_ROOT_DIR");
        }
        if (root != null && !root.isBlank()) {
            return new SandboxLocation(Path.of(root).toAbsolutePath().normalize().resolve(".kplan-sandbox"));
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("scripts/sandbox"))) {
                return new SandboxLocation(p.resolve(".kplan-sandbox"));
            }
        }
        return new SandboxLocation(here.resolve(".kplan-sandbox"));
    }

    public Path envFile() {
        return dir.resolve("env");
    }

    /** Why these services cannot be used now, or empty when they all run. */
    public Optional<String> whyUnavailable(Collection<SandboxService> needed) {
        if (!Files.isRegularFile(envFile())) {
            String start = SandboxService.startCommand(needed);
            return Optional.of("the kplan sandbox is not running (no " + envFile() + "): start it with `" + start + "`");
        }
        for (SandboxService service : needed) {
            if (!running(service)) {
                return Optional.of("the kplan sandbox has no running " + service.process() + " (see "
                        + dir.resolve("logs") + "): start it with `" + SandboxService.startCommand(needed) + "`");
            }
        }
        return Optional.empty();
    }

    /** True when the PID file of the service names a live process (the sandbox writes "PID WORD"). */
    public boolean running(SandboxService service) {
        Path pidFile = dir.resolve("pids").resolve(service.process() + ".pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return false;
            }
            String[] fields = Files.readString(pidFile).strip().split("\\s+");
            long pid = Long.parseLong(fields[0]);
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    public SandboxEnv env() {
        try {
            return SandboxEnv.read(envFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + envFile() + ": " + e.getMessage(), e);
        }
    }
}
