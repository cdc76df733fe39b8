package io.tikun.stack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import com.sun.net.httpserver.HttpServer;

class HeadlessChromiumTest {

    @Test
    void rendersAPageServedOnLoopbackAndRunsItsScript() throws IOException {
        byte[] page = """
                <!doctype html><html lang="he" dir="rtl"><head><title>טיקון</title></head>
                <body><p id="out">before</p>
                <script>document.getElementById('out').textContent = navigator.language;</script></body></html>
                """.getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
        try (HeadlessChromium chromium = HeadlessChromium.start("he")) {
            chromium.driver().get("http://127.0.0.1:" + server.getAddress().getPort() + "/");

            assertThat(chromium.driver().getTitle()).isEqualTo("טיקון");
            assertThat(chromium.driver().findElement(By.id("out")).getText()).startsWith("he");
        } finally {
            server.stop(0);
        }
    }
}
