package dev.aigateway.contract.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * The failures ConnectionFailuresTest cannot make a server show in one run: an expired certificate
 * (a trusted self-signed one is never checked for dates), with the chain of causes the JDK builds.
 */
class TlsWordsTest {

    @Test
    void anExpiredCertificateSaysSoAndNeverInJavasWords() {
        SSLHandshakeException failure = new SSLHandshakeException("PKIX path validation failed:"
                + " java.security.cert.CertPathValidatorException: validity check failed");
        CertPathValidatorException validator = new CertPathValidatorException("validity check failed",
                new CertificateExpiredException("NotAfter: Tue Jan 02 00:00:00 UTC 2024"));
        failure.initCause(validator);

        NoAnswer noAnswer = NoAnswer.describe(failure, URI.create("https://gw.example"), false);
        assertThat(noAnswer.sentence(), equalTo("the certificate of gw.example:443 has expired: the server must renew it"
                + " (or, if it has, this machine's clock is wrong)"));
        assertThat(noAnswer.inShort(), equalTo("its certificate has expired"));
        assertThat(noAnswer.tls(), equalTo(true));
    }
}
