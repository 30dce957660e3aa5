package dev.outrigger.it.support;

/** A running {@code UpstreamApp}. */
public record Upstream(String name, int port, ChildProcess process) {

    /** {@code 127.0.0.1:PORT}, as a sidecar config lists it. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    /** Requests it received, control paths excluded. */
    public long count() {
        return control("count");
    }

    /** Distinct client ports it saw, i.e. connections that carried counted requests. */
    public long connections() {
        return control("connections");
    }

    private long control(String path) {
        return Long.parseLong(Http.get("http://" + address() + "/_sample/" + path).body().trim());
    }
}
