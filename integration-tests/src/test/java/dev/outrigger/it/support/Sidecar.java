package dev.outrigger.it.support;

/** A running sidecar process. */
public record Sidecar(SidecarPorts ports, ChildProcess process) {

    /** {@code http://127.0.0.1:OUTBOUND} + the given path: the explicit, path-prefix way to use the sidecar. */
    public String outboundUrl(String path) {
        return "http://127.0.0.1:" + ports.outbound() + path;
    }

    public String adminUrl(String path) {
        return "http://127.0.0.1:" + ports.admin() + path;
    }

    /** {@code -javaagent:...=sidecar=127.0.0.1:OUTBOUND}: attaches an app to this sidecar. */
    public String agentOption() {
        return "-javaagent:" + Artifacts.agentJar() + "=sidecar=127.0.0.1:" + ports.outbound();
    }

    public Metrics metrics() {
        return Metrics.parse(Http.get(adminUrl("/metrics")).body());
    }
}
