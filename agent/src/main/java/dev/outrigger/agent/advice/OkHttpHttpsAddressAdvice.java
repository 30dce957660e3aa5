package dev.outrigger.agent.advice;

import dev.outrigger.bootstrap.SidecarRoutes;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.util.List;
import net.bytebuddy.asm.Advice;
import okhttp3.Address;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;

/**
 * On exit of OkHttp 4's {@code RealCall.createAddress(HttpUrl)}, woven only when {@code https-hosts} is set: the
 * address of an https call to an opted-in host, for a client the app gave no proxy and no proxy selector of its
 * own, becomes a cleartext address behind the sidecar as HTTP proxy. OkHttp then connects to the sidecar without
 * CONNECT and without TLS ({@link OkHttpHttpsMarkerAdvice} marks the request), and the sidecar originates the TLS;
 * the client's own TLS settings (SSLSocketFactory, HostnameVerifier, CertificatePinner) are not used for that call.
 * The call's URL, cookies, cache and redirects stay https, as the app made them.
 */
public final class OkHttpHttpsAddressAdvice {

    private OkHttpHttpsAddressAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void toSidecar(@Advice.Argument(0) HttpUrl url, @Advice.Return(readOnly = false) Address address) {
        if (url.isHttps() && address.proxy() == null && address.proxySelector() == ProxySelector.getDefault()) {
            InetSocketAddress sidecar = SidecarRoutes.plaintextSidecarForHttps(url.host(), url.port());
            if (sidecar != null) {
                address = new Address(url.host(), url.port(), address.dns(), address.socketFactory(), null, null, null,
                        address.proxyAuthenticator(), new Proxy(Proxy.Type.HTTP, sidecar), address.protocols(),
                        List.of(ConnectionSpec.CLEARTEXT), address.proxySelector());
            }
        }
    }
}
