package dev.outrigger.sidecar.balance;

import dev.outrigger.sidecar.config.Address;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One upstream address and the number of requests currently in flight to it. Identity matters:
 * balancers compare endpoints with {@code ==}, so keep one instance per address per service.
 */
public final class Endpoint {
    private final Address address;
    private final AtomicInteger inFlight = new AtomicInteger();

    public Endpoint(Address address) {
        this.address = Objects.requireNonNull(address, "address");
    }

    public Address address() {
        return address;
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** A request to this endpoint started; pair with exactly one {@link #onEnd()}. */
    public void onStart() {
        inFlight.incrementAndGet();
    }

    public void onEnd() {
        inFlight.decrementAndGet();
    }

    @Override
    public String toString() {
        return address + " (" + inFlight() + " in flight)";
    }
}
