package com.agentfactory.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpConnectionTest {

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void chunkedResponsesAreConsumedUpToTheNextResponse() throws IOException {
        InputStream in = stream("HTTP/1.1 201 \r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n3;x=y\r\n!!!\r\n0\r\n\r\n"
                + "HTTP/1.1 429 Too Many Requests\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");

        assertThat(HttpConnection.readResponse(in)).isEqualTo(new HttpConnection.Response(201, true));
        assertThat(HttpConnection.readResponse(in)).isEqualTo(new HttpConnection.Response(429, false));
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void aResponseWithoutLengthEndsTheConnection() throws IOException {
        InputStream in = stream("HTTP/1.1 200 OK\r\n\r\nuntil the end");

        assertThat(HttpConnection.readResponse(in)).isEqualTo(new HttpConnection.Response(200, false));
    }
}
