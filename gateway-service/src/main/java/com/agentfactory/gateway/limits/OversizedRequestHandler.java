package com.agentfactory.gateway.limits;

import com.agentfactory.gateway.error.ProblemDetailWriter;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a request line or header block over Netty's limits with a problem detail. Netty's decoder rejects such a
 * request before Spring sees it, and Reactor Netty then answers 414 or 431 with an empty body; this handler sits
 * between the two and answers first. Other decoding failures are left to Reactor Netty's 400.
 */
@ChannelHandler.Sharable
class OversizedRequestHandler extends ChannelInboundHandlerAdapter {

    private final byte[] uriTooLong;
    private final byte[] headersTooLarge;

    OversizedRequestHandler(JsonMapper jsonMapper) {
        this.uriTooLong = body(
                jsonMapper,
                HttpStatus.URI_TOO_LONG,
                "URI too long",
                "The request line (method, path and query) exceeds the allowed length.");
        this.headersTooLarge = body(
                jsonMapper,
                HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                "Request header fields too large",
                "The request headers exceed the allowed size.");
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpObject http && http.decoderResult().isFailure()) {
            byte[] body = bodyFor(http.decoderResult());
            if (body != null) {
                ReferenceCountUtil.release(msg);
                HttpResponseStatus status = body == uriTooLong
                        ? HttpResponseStatus.REQUEST_URI_TOO_LONG
                        : HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
                respond(ctx, status, body);
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    private byte[] bodyFor(DecoderResult result) {
        Throwable cause = result.cause();
        if (cause instanceof TooLongHttpLineException) {
            return uriTooLong;
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return headersTooLarge;
        }
        return null;
    }

    // the decoder discards the rest of the connection's input after such a failure, so the connection is closed
    private static void respond(ChannelHandlerContext ctx, HttpResponseStatus status, byte[] body) {
        FullHttpResponse response =
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private static byte[] body(JsonMapper jsonMapper, HttpStatus status, String title, String detail) {
        return jsonMapper
                .writeValueAsString(ProblemDetailWriter.asMap(ProblemDetailWriter.problem(status, title, detail)))
                .getBytes(StandardCharsets.UTF_8);
    }
}
