package dev.outrigger.sidecar.config;

import java.time.Duration;

/**
 * The {@code lifecycle:} block: how the sidecar stops. Apps hold leases on the admin listener ({@code GET /lease},
 * taken by the agent with {@code lease=on}); a lease ends when its connection closes, which the operating system
 * does when the app's process ends, however it ends.
 *
 * @param exitWithLease exit (code 0, after draining) once the last lease ends, provided one was ever taken
 *                      (default false)
 * @param drain         the most time a stop spends on leases still held and requests still in flight (default 5s)
 * @param firstLeaseWithin with {@code exitWithLease}: when no lease was taken this long after the start, the app is
 *                      taken to be gone already (a short job that ended first) and the sidecar stops; null (the
 *                      default) waits for the first lease however long it takes
 */
public record LifecycleConfig(boolean exitWithLease, Duration drain, Duration firstLeaseWithin) {

    public static final LifecycleConfig DEFAULT = new LifecycleConfig(false, Duration.ofSeconds(5), null);
}
