package cn.gov.disclosure.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A server that accepts connections and never says a word: the worst SMTP server there is. */
final class SilentSmtpServer implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();

    SilentSmtpServer(int port) throws IOException {
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    clients.add(server.accept());
                } catch (IOException e) {
                    return;
                }
            }
        }, "silent-smtp");
        t.setDaemon(true);
        t.start();
    }

    int connections() {
        return clients.size();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : clients) {
            s.close();
        }
    }
}
