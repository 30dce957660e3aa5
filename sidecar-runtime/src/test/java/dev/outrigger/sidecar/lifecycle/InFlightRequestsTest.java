package dev.outrigger.sidecar.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.Test;

class InFlightRequestsTest {
    private final InFlightRequests inFlight = new InFlightRequests();
    private final EmbeddedChannel connection = new EmbeddedChannel(inFlight.newHandler());

    @Test
    void aRequestCountsUntilItsFinalResponseIsWrittenInFull() {
        receive();
        receive();
        assertEquals(2, inFlight.count());

        connection.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        assertEquals(2, inFlight.count(), "an interim response ends nothing");
        connection.writeOutbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        assertEquals(2, inFlight.count(), "a response head alone ends nothing");
        connection.writeOutbound(LastHttpContent.EMPTY_LAST_CONTENT);
        assertEquals(1, inFlight.count());

        connection.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT));
        assertEquals(0, inFlight.count());
        connection.finishAndReleaseAll();
    }

    @Test
    void aClosedConnectionEndsItsRequests() {
        EmbeddedChannel other = new EmbeddedChannel(inFlight.newHandler());
        receive();
        other.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/"));
        assertEquals(2, inFlight.count());

        connection.close();
        assertEquals(1, inFlight.count());
        other.finishAndReleaseAll();
        assertEquals(0, inFlight.count());
    }

    @Test
    void aConnectionThatBecomesATunnelEndsItsRequest() {
        receive();
        assertEquals(1, inFlight.count());

        connection.pipeline().removeFirst();
        assertEquals(0, inFlight.count(), "the CONNECT is answered; the tunnel's bytes are no requests");
        connection.close();
        assertEquals(0, inFlight.count());
    }

    private void receive() {
        connection.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/"));
        ReferenceCountUtil.release(connection.readInbound());
    }
}
