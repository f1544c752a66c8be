package dev.aigateway.contract.simulator;

import com.github.tomakehurst.wiremock.common.Notifier;

/**
 * Keeps WireMock silent: its messages about unmatched requests quote request headers, and those
 * carry keys. Unmatched requests are read from the request journal instead.
 */
final class QuietNotifier implements Notifier {

    @Override
    public void info(String message) {}

    @Override
    public void error(String message) {}

    @Override
    public void error(String message, Throwable t) {}
}
