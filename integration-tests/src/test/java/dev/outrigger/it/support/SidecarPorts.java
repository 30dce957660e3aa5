package dev.outrigger.it.support;

/** Free loopback ports for one sidecar's listeners. */
public record SidecarPorts(int outbound, int inbound, int admin) {

    public static SidecarPorts pick() {
        return new SidecarPorts(FreePort.pick(), FreePort.pick(), FreePort.pick());
    }

    /** The head of a config file: this workload's name and its listeners. */
    public String configHead(String service) {
        return "service: " + service + "\n"
                + "listeners: {outbound: 127.0.0.1:" + outbound + ", inbound: 127.0.0.1:" + inbound
                + ", admin: 127.0.0.1:" + admin + "}\n";
    }
}
