package dev.kplan.testkit;

import java.util.Collection;

/** A service of the sandbox that a test class can require; each is one process with a PID file. */
public enum SandboxService {
    KUBERNETES("kube-apiserver", "./kplan sandbox up"),
    AWS("moto", "./kplan sandbox up"),
    POSTGRES("postgres", "./kplan sandbox up --with-postgres"),
    /** The second Kubernetes cluster: its own etcd and kube-apiserver, no controllers and no nodes. */
    SECOND_KUBERNETES("kube-apiserver-2", "./kplan sandbox up --clusters 2");

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

    /** The command that starts a sandbox with all of {@code services}. */
    public static String startCommand(Collection<SandboxService> services) {
        return "./kplan sandbox up" + (services.contains(POSTGRES) ? " --with-postgres" : "")
                + (services.contains(SECOND_KUBERNETES) ? " --clusters 2" : "");
    }
}
