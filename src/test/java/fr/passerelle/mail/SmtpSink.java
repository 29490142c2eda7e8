package fr.passerelle.mail;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal SMTP server on the loopback interface, speaking the real protocol (EHLO, MAIL, RCPT, DATA with dot
 * stuffing, RSET, NOOP, QUIT), that keeps only who received how many messages: the benchmarks' fast sink, and
 * the tests' relay that refuses some recipients as a real one does ({@code refuse…@} 550, {@code later…@} 451).
 * One virtual thread per connection.
 */
public final class SmtpSink implements AutoCloseable {

    private final ServerSocket server;
    private final Thread acceptor;
    private final boolean keepRecipients;
    private final ConcurrentHashMap<String, Integer> received = new ConcurrentHashMap<>();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final List<Socket> open = new ArrayList<>();
    private volatile Acceptance beforeAccepting = (connection, recipients) -> { };

    /** @param keepRecipients whether to count messages per recipient (tests) or only in total (benchmarks) */
    public SmtpSink(boolean keepRecipients) throws IOException {
        this(keepRecipients, 0);
    }

    /** On that port (0: any free one); a sink closed a moment ago may be brought back on its port (an outage). */
    public SmtpSink(boolean keepRecipients, int port) throws IOException {
        this.keepRecipients = keepRecipients;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        this.acceptor = Thread.ofVirtual().name("smtp-sink").start(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    public long messages() {
        return messages.get();
    }

    public long connections() {
        return connections.get();
    }

    /** Messages accepted per recipient address (only with {@code keepRecipients}). */
    public ConcurrentHashMap<String, Integer> received() {
        return received;
    }

    /** Called at each message's final dot, before the {@code 250} that accepts it, with its connection's number. */
    public void beforeAccepting(Acceptance check) {
        this.beforeAccepting = check;
    }

    public interface Acceptance {
        void accept(long connection, List<String> recipients);
    }

    void reset() {
        received.clear();
        messages.set(0);
        connections.set(0);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                synchronized (open) {
                    open.add(socket);
                }
                long connection = connections.incrementAndGet();
                Thread.ofVirtual().start(() -> converse(socket, connection));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket socket, long connection) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream(), 16_384);
             OutputStream out = socket.getOutputStream()) {
            reply(out, "220 sink ESMTP");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = readLine(in)) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO" -> reply(out, "250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8");
                    case "HELO" -> reply(out, "250 sink");
                    case "MAIL" -> {
                        recipients.clear();
                        reply(out, "250 2.1.0 OK");
                    }
                    case "RCPT" -> {
                        String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
                        if (address.startsWith("refuse")) {
                            reply(out, "550 5.1.1 No such user here");
                        } else if (address.startsWith("later")) {
                            reply(out, "451 4.3.0 Try again later");
                        } else {
                            recipients.add(address);
                            reply(out, "250 2.1.5 OK");
                        }
                    }
                    case "DATA" -> {
                        if (recipients.isEmpty()) {
                            reply(out, "554 5.5.1 No valid recipients");
                            continue;
                        }
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        String data;
                        while ((data = readLine(in)) != null && !data.equals(".")) {
                            // The message itself is not kept.
                        }
                        if (data == null) {
                            // The client went away before the final dot: a server discards such a message (RFC 5321
                            // §4.1.1.4), so it is not counted as received.
                            return;
                        }
                        beforeAccepting.accept(connection, List.copyOf(recipients));
                        messages.incrementAndGet();
                        if (keepRecipients) {
                            recipients.forEach(address -> received.merge(address, 1, Integer::sum));
                        }
                        recipients.clear();
                        reply(out, "250 2.0.0 OK queued");
                    }
                    case "RSET" -> {
                        recipients.clear();
                        reply(out, "250 2.0.0 OK");
                    }
                    case "NOOP" -> reply(out, "250 2.0.0 OK");
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 Bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 Command not recognised");
                }
            }
        } catch (IOException e) {
            // The client went away.
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** A line without its CRLF, or null at the end of the stream. */
    private static String readLine(InputStream in) throws IOException {
        var line = new StringBuilder(80);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int length = line.length();
                if (length > 0 && line.charAt(length - 1) == '\r') {
                    line.setLength(length - 1);
                }
                return line.toString();
            }
            line.append((char) c);
        }
        return line.isEmpty() ? null : line.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (open) {
            for (Socket socket : open) {
                socket.close();
            }
        }
    }
}
