package cn.gov.disclosure.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sits in front of a real SMTP server (GreenMail) and holds back the server's answer to the end of DATA
 * ({@code CRLF.CRLF}) for a while: the server has the message, the client does not know it. Only the first
 * {@code lateAnswers} answers are late ({@code Integer.MAX_VALUE}: all of them).
 */
final class SlowSmtpProxy implements AutoCloseable {

    private static final byte[] END_OF_DATA = {'\r', '\n', '.', '\r', '\n'};

    private final ServerSocket server;
    private final int target;
    private final Duration delay;
    private final AtomicInteger lateAnswersLeft;
    private final AtomicInteger lateAnswersGiven = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    SlowSmtpProxy(int port, int target, Duration delay, int lateAnswers) throws IOException {
        this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        this.target = target;
        this.delay = delay;
        this.lateAnswersLeft = new AtomicInteger(lateAnswers);
        daemon("slow-smtp-accept", () -> {
            while (!server.isClosed()) {
                try {
                    connect(server.accept());
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    int lateAnswersGiven() {
        return lateAnswersGiven.get();
    }

    private void connect(Socket client) throws IOException {
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
        sockets.add(client);
        sockets.add(upstream);
        // Set by the client-to-server copier before it forwards the end of DATA, read by the other one.
        AtomicInteger holdNextAnswer = new AtomicInteger();
        daemon("slow-smtp-up", () -> {
            byte[] tail = new byte[END_OF_DATA.length];
            try (InputStream in = client.getInputStream(); OutputStream out = upstream.getOutputStream()) {
                byte[] buf = new byte[8192];
                int n;
                while ((n = in.read(buf)) > 0) {
                    for (int i = 0; i < n; i++) {
                        System.arraycopy(tail, 1, tail, 0, tail.length - 1);
                        tail[tail.length - 1] = buf[i];
                        if (java.util.Arrays.equals(tail, END_OF_DATA) && lateAnswersLeft.getAndDecrement() > 0) {
                            holdNextAnswer.set(1);
                        }
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the client gave up or the server went away
            }
        });
        daemon("slow-smtp-down", () -> {
            try (InputStream in = upstream.getInputStream(); OutputStream out = client.getOutputStream()) {
                byte[] buf = new byte[8192];
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (holdNextAnswer.getAndSet(0) == 1) {
                        lateAnswersGiven.incrementAndGet();
                        Thread.sleep(delay.toMillis());
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // the client timed out and closed the connection
            }
        });
    }

    private static void daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
