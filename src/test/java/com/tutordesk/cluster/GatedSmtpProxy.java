package com.tutordesk.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of the test's SMTP server that a test steers: {@link Mode#DOWN} closes every
 * connection at once (an SMTP outage), {@link Mode#UP} passes them through, and {@link Mode#HOLD}
 * passes a number of connections and then holds the next one before any byte reaches the SMTP server,
 * so that a test can kill the node sending that message at a known moment (the message provably not
 * delivered). The outbox opens one connection per message.
 */
final class GatedSmtpProxy implements AutoCloseable {

    enum Mode { DOWN, UP, HOLD }

    private final ServerSocket server;
    private final int smtpPort;
    private volatile Mode mode = Mode.DOWN;
    private final AtomicInteger passBeforeHold = new AtomicInteger();
    private final Semaphore held = new Semaphore(0);
    private volatile Socket heldClient;
    private final Thread acceptor;

    GatedSmtpProxy(int smtpPort) throws IOException {
        this.smtpPort = smtpPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofVirtual().start(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    void down() {
        mode = Mode.DOWN;
    }

    void up() {
        mode = Mode.UP;
    }

    /** Passes {@code count} connections, then holds the next one until {@link #dropHeld()}. */
    void holdAfter(int count) {
        passBeforeHold.set(count);
        mode = Mode.HOLD;
    }

    /** Waits until a connection is held. */
    void awaitHeld() throws InterruptedException {
        held.acquire();
    }

    /** Closes the held connection (its sender is dead by then) and passes everything from now on. */
    void dropHeld() throws IOException {
        mode = Mode.UP;
        Socket client = heldClient;
        if (client != null) {
            client.close();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> handle(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try {
            Mode now = mode;
            if (now == Mode.DOWN) {
                client.close();
                return;
            }
            if (now == Mode.HOLD && passBeforeHold.getAndDecrement() <= 0) {
                heldClient = client;
                held.release();
                return;
            }
            try (Socket smtp = new Socket(InetAddress.getLoopbackAddress(), smtpPort); client) {
                Thread up = Thread.ofVirtual().start(() -> pipe(client, smtp));
                pipe(smtp, client);
                up.join();
            }
        } catch (IOException | InterruptedException e) {
            // A connection ended: nothing to do.
        }
    }

    private static void pipe(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
            to.shutdownOutput();
        } catch (IOException e) {
            // One side closed.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
    }
}
