package dev.outrigger.agent.hooks;

import dev.outrigger.bootstrap.OnExit;
import dev.outrigger.bootstrap.SidecarRoutes;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.util.List;
import okhttp3.Address;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;

/**
 * On exit of the method where OkHttp builds a call's address from its URL ({@code createAddress(HttpUrl)} of 3.x's
 * {@code Transmitter} and 4.x's {@code RealCall}, 5.x's {@code RealInterceptorChain.address}), woven only when
 * {@code https-hosts} is set: the address of an https call to an opted-in host, for a client the app gave no proxy
 * and no proxy selector of its own, becomes a cleartext address behind the sidecar as HTTP proxy. OkHttp then
 * connects to the sidecar without CONNECT and without TLS ({@link OkHttpHttpsMarkerHook} marks the request), and the
 * sidecar originates the TLS; the client's own TLS settings (SSLSocketFactory, HostnameVerifier, CertificatePinner)
 * are not used for that call. The call's URL, cookies, cache and redirects stay https, as the app made them.
 */
public final class OkHttpHttpsAddressHook extends OnExit<Address, Object, HttpUrl> {

    @Override
    public Address exit(Address address, Object call, HttpUrl url) {
        if (url.isHttps() && address.proxy() == null && address.proxySelector() == ProxySelector.getDefault()) {
            InetSocketAddress sidecar = SidecarRoutes.plaintextSidecarForHttps(url.host(), url.port());
            if (sidecar != null) {
                return new Address(url.host(), url.port(), address.dns(), address.socketFactory(), null, null, null,
                        address.proxyAuthenticator(), new Proxy(Proxy.Type.HTTP, sidecar), address.protocols(),
                        List.of(ConnectionSpec.CLEARTEXT), address.proxySelector());
            }
        }
        return address;
    }
}
