package dev.kplan.testkit;

/** A service of the sandbox that a test class can require; each is one process with a PID file. */
public enum SandboxService {
    KUBERNETES("kube-apiserver", "./kplan sandbox up"),
    AWS("moto", "./kplan sandbox up"),
    POSTGRES("postgres", "./kplan sandbox up --with-postgres");

    private final String process;
    private final String startCommand;

    SandboxService(String process, String startCommand) {
        this.process = process;
        this.startCommand = startCommand;
    }

    /** The name of its PID file under {@code .kplan-sandbox/pids/}. */
    public String process() {
        return process;
    }

    /** The command that starts a sandbox with this service. */
    public String startCommand() {
        return startCommand;
    }
}
