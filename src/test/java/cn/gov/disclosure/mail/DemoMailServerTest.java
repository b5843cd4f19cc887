package cn.gov.disclosure.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

/** A second node on one machine finds the demo SMTP port taken and must still start. */
class DemoMailServerTest {

    @Test
    void aTakenPortIsReportedNotFatal() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            DemoMailServer server = new DemoMailServer("127.0.0.1", taken.getLocalPort());
            assertThat(server.running()).isFalse();
            assertThat(server.received()).isEmpty();
            server.destroy();
        }
    }

    @Test
    void aFreePortServes() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        DemoMailServer server = new DemoMailServer("127.0.0.1", port);
        try {
            assertThat(server.running()).isTrue();
        } finally {
            server.destroy();
        }
    }
}
