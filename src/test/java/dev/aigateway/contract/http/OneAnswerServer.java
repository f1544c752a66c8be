package dev.aigateway.contract.http;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;

/**
 * A WireMock server on 127.0.0.1 at a free port that gives every request the one answer it is made with; its
 * journal ({@code getAllServeEvents()}) counts what arrived. Held in a test's {@code @RegisterExtension} field, it
 * starts before each test and stops after it.
 */
public final class OneAnswerServer extends WireMockExtension {

    private final ResponseDefinitionBuilder answer;

    private OneAnswerServer(ResponseDefinitionBuilder answer) {
        super(WireMockExtension.newInstance().options(options().dynamicPort().bindAddress("127.0.0.1")));
        this.answer = answer;
    }

    public static OneAnswerServer answering(ResponseDefinitionBuilder answer) {
        return new OneAnswerServer(answer);
    }

    @Override
    protected void onBeforeEach(WireMockRuntimeInfo server) {
        stubFor(any(anyUrl()).willReturn(answer));
    }
}
