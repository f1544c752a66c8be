package dev.aigateway.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The logs of what carries the HTTP traffic: silent by default, on standard error with
 * {@code -D}{@value #PROPERTY}{@code =true}. Then the HTTP client (Apache HttpClient, through
 * commons-logging to java.util.logging) prints its connections, headers and wire bytes, and the
 * simulated gateway (WireMock) each request it received and each one no stub matched. WireMock's
 * standalone jar carries Jetty and a copy of SLF4J wired to print nothing, so Jetty's own log stays
 * off. These lines show requests as sent, keys included: they go to standard error, which the run
 * does not copy for its secret scan, and are for debugging on your own machine, never for sharing.
 */
public final class WireLog {

    public static final String PROPERTY = "contract.wire.log";
    /** java.util.logging holds its loggers weakly: the ones configured here are kept. */
    private static final List<Logger> KEPT = new ArrayList<>();

    private WireLog() {}

    public static boolean on() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** When the switch is on, turns the HTTP client's log on, once per JVM; otherwise does nothing. */
    public static synchronized void apply() {
        if (!on() || !KEPT.isEmpty()) {
            return;
        }
        ConsoleHandler handler = new ConsoleHandler();
        handler.setLevel(Level.ALL);
        handler.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord record) {
                return "[" + record.getLoggerName() + "] " + formatMessage(record) + System.lineSeparator();
            }
        });
        Logger client = Logger.getLogger("org.apache.http");
        client.setLevel(Level.ALL);
        client.setUseParentHandlers(false);
        client.addHandler(handler);
        KEPT.add(client);
        print("-D" + PROPERTY + "=true: the HTTP client's and the simulated gateway's logs follow on standard error,"
                + " with every header as sent, keys included; do not share them");
    }

    /** One line of a library's log, on standard error. */
    public static void print(String line) {
        System.err.println("[wire] " + line);
    }
}
