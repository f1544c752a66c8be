package dev.aigateway.contract.diagnosis;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

/** The {proxy} fact: the proxy this JVM sends a request through, by the URL's scheme; none for loopback or without a proxy. */
class ProxyFactTest {

    @Test
    void theProxyOfTheUrlsSchemeWithItsDefaultPortAndNoneForLoopback() {
        String[] keys = {"https.proxyHost", "https.proxyPort", "http.proxyHost", "http.proxyPort"};
        String[] before = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            before[i] = System.getProperty(keys[i]);
            System.clearProperty(keys[i]);
        }
        try {
            assertThat(Facts.proxyFor("https://ai-gateway.vercel.sh/v1/models"), equalTo(""));
            System.setProperty("https.proxyHost", "proxy.corp");
            assertThat(Facts.proxyFor("https://ai-gateway.vercel.sh/v1/models"), equalTo("proxy.corp:443"));
            System.setProperty("https.proxyPort", "3128");
            assertThat(Facts.proxyFor("https://ai-gateway.vercel.sh/v1/models"), equalTo("proxy.corp:3128"));
            assertThat(Facts.proxyFor("http://ai-gateway.vercel.sh/v1/models"), equalTo(""));
            System.setProperty("http.proxyHost", "plain.corp");
            assertThat(Facts.proxyFor("http://ai-gateway.vercel.sh/v1/models"), equalTo("plain.corp:80"));
            for (String loopback : new String[] {"http://localhost:8080/v1", "https://127.0.0.1:9/v1", "http://[::1]:8080/v1"}) {
                assertThat(loopback, Facts.proxyFor(loopback), equalTo(""));
            }
            assertThat(Facts.proxyFor("not a url"), equalTo(""));
        } finally {
            for (int i = 0; i < keys.length; i++) {
                if (before[i] == null) {
                    System.clearProperty(keys[i]);
                } else {
                    System.setProperty(keys[i], before[i]);
                }
            }
        }
    }
}
