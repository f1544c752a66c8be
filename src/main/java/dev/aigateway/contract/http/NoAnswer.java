package dev.aigateway.contract.http;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.apache.http.ConnectionClosedException;
import org.apache.http.TruncatedChunkException;
import org.apache.http.conn.ConnectTimeoutException;

/**
 * Why an exchange got no answer, in words and never in Java's: the {@code sentence} the run prints
 * once (what is wrong and, for TLS, the fix), and {@code inShort}, what the requests not sent to
 * the same host later repeat. {@code tls}: the handshake failed, the same way for every request.
 */
record NoAnswer(String sentence, String inShort, boolean tls) {

    // The words of the JDK's trust manager, and of the HTTP client's and the JDK's host name checks.
    private static final Pattern UNTRUSTED = Pattern.compile("PKIX path|unable to find valid certification path");
    private static final Pattern OTHER_HOST = Pattern.compile(
            "(?i)(didn't|doesn't|does not) match|no subject alternative (DNS )?names? matching|no name matching");
    private static final Pattern NOT_TLS = Pattern.compile("(?i)unrecognized SSL message|plaintext connection");

    static NoAnswer of(String sentence) {
        return new NoAnswer(sentence, sentence, false);
    }

    static NoAnswer tls(String sentence, String inShort) {
        return new NoAnswer(sentence, inShort, true);
    }

    /** Why the exchange of {@code target} that {@code inFlight} tracked got no answer ({@code failure}: what the client threw). */
    static NoAnswer describe(Throwable failure, URI target, InFlight inFlight) {
        if (inFlight != null && inFlight.expired()) {
            return NoAnswer.of("no complete answer from " + ExchangeRecorder.hostOf(target) + " within " + inFlight.budgetMs() + " ms");
        }
        return describe(failure, target, inFlight == null || inFlight.sent());
    }

    /** {@code sent}: the request went out (so the TLS handshake, if any, was over). */
    static NoAnswer describe(Throwable failure, URI target, boolean sent) {
        String host = ExchangeRecorder.hostOf(target);
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof ConnectTimeoutException) {
                return NoAnswer.of("could not connect to " + host + " (" + cause.getMessage() + ")");
            }
            if (cause instanceof UnknownHostException) {
                return NoAnswer.of("could not resolve " + target.getHost() + " (DNS lookup failed)");
            }
            if (cause instanceof SocketTimeoutException) {
                return NoAnswer.of("no answer from " + host + " in time (" + cause.getMessage() + ")");
            }
            if (cause instanceof SSLException || !sent && "https".equals(target.getScheme())
                    && (cause instanceof SocketException || cause instanceof EOFException)) {
                return tlsFailure(failure, host);
            }
            if (cause instanceof SocketException || cause instanceof ConnectionClosedException
                    || cause instanceof TruncatedChunkException) {
                return NoAnswer.of("the connection to " + host + " broke (" + cause.getMessage() + ")");
            }
        }
        return NoAnswer.of("no response from " + host + " (" + failure.getClass().getSimpleName() + ": " + failure.getMessage() + ")");
    }

    /** What is wrong with the handshake, read from the whole chain of causes; the JDK's and the client's words stay out. */
    private static NoAnswer tlsFailure(Throwable failure, String host) {
        StringBuilder said = new StringBuilder();
        boolean untrusted = false;
        boolean expired = false;
        boolean notYetValid = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            said.append(' ').append(cause.getMessage());
            untrusted |= cause instanceof CertPathBuilderException;
            expired |= cause instanceof CertificateExpiredException;
            notYetValid |= cause instanceof CertificateNotYetValidException;
        }
        String words = said.toString();
        if (expired) {
            return NoAnswer.tls("the certificate of " + host + " has expired: the server must renew it"
                    + " (or, if it has, this machine's clock is wrong)", "its certificate has expired");
        }
        if (notYetValid) {
            return NoAnswer.tls("the certificate of " + host + " is not valid yet: check this machine's clock",
                    "its certificate is not valid yet");
        }
        if (untrusted || UNTRUSTED.matcher(words).find()) {
            return NoAnswer.tls("the certificate of " + host + " is not trusted by this Java (self-signed, or signed by a CA"
                    + " it does not know, as a proxy that opens TLS does): pass that CA with -Djavax.net.ssl.trustStore=FILE",
                    "its certificate is not trusted by this Java");
        }
        if (OTHER_HOST.matcher(words).find()) {
            return NoAnswer.tls("the certificate of " + host + " is for another host name: check the host in baseUrl,"
                    + " or whether a proxy answers for it", "its certificate is for another host");
        }
        if (NOT_TLS.matcher(words).find()) {
            return NoAnswer.tls(host + " does not speak TLS though baseUrl says https: check the scheme and the port"
                    + " in baseUrl", "it does not speak TLS");
        }
        return NoAnswer.tls(host + " closed the connection during the TLS handshake, before any certificate (a host that"
                + " does not serve this name, a firewall or proxy that blocks it, or a server that accepts none of this"
                + " Java's TLS versions): try curl -v https://" + host
                + " from the same machine", "it closed the connection during the handshake");
    }

    /** Whether the gateway stayed silent (no connection, no name, no answer in time), not that it broke off. */
    static boolean isSilence(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof SocketTimeoutException
                    || cause instanceof UnknownHostException || cause instanceof ConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
