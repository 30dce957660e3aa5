package dev.outrigger.agent.hooks;

import dev.outrigger.bootstrap.CallSignals;
import dev.outrigger.bootstrap.OnEntry;
import dev.outrigger.bootstrap.SidecarRoutes;
import java.net.InetSocketAddress;
import org.reactivestreams.Publisher;
import reactor.core.Fuseable;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClientRequest;

/**
 * On entry of Reactor Netty's {@code HttpClientOperations.send(Publisher)}, woven with {@code signals=on}, which
 * every body passes before its head is written: a body that is one value the app already holds ({@code Mono.just},
 * {@code Flux.just} of one buffer: a {@link Fuseable.ScalarCallable}), sent to the sidecar, is marked as one that
 * can be sent again, and {@link ReactorNettyHeadHook} keeps that mark with the call's other signals. Any other
 * publisher, however it was made ({@code Mono.fromCallable}, a mapped {@code Mono.just}, as {@code WebClient}'s
 * {@code bodyValue} is, {@code ByteBufFlux.fromString}), may read from somewhere only once, so it is not marked.
 */
public final class ReactorNettyHeldBodyHook extends OnEntry<Publisher<?>, HttpClientRequest, Object> {

    @Override
    public Publisher<?> enter(Publisher<?> body, HttpClientRequest request, Object unused) {
        if (body instanceof Fuseable.ScalarCallable<?>
                && ((Connection) request).channel().remoteAddress() instanceof InetSocketAddress peer
                && SidecarRoutes.signalsGoVia(peer.getHostString(), peer.getPort())) {
            request.requestHeaders().set(CallSignals.REPLAYABLE, "1");
        }
        return body;
    }
}
