package dev.aigateway.contract.simulator;

import com.github.tomakehurst.wiremock.common.Notifier;
import dev.aigateway.contract.WireLog;

/** WireMock's messages on standard error, with -Dcontract.wire.log=true ({@link WireLog}); otherwise {@link QuietNotifier}. */
final class LoggedNotifier implements Notifier {

    @Override
    public void info(String message) {
        WireLog.print("wiremock: " + message);
    }

    @Override
    public void error(String message) {
        WireLog.print("wiremock error: " + message);
    }

    @Override
    public void error(String message, Throwable t) {
        WireLog.print("wiremock error: " + message + " (" + t + ")");
    }
}
