package dev.aigateway.contract.diagnosis;

import dev.aigateway.contract.captured.Captured;
import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.record.Exchange;
import dev.aigateway.contract.request.RequestFile;
import java.util.List;

/**
 * The run a user of {@code gateway} makes when the gateway answers a captured body: CapturedBodiesTest's (Vercel) or
 * OpenRouterCapturedBodiesTest's, and for OpenRouter's answer to the application's own request the probes served and
 * that request refused (OpenRouterDocumentedClassesTest's), each with its test's environment.
 */
final class CapturedRuns {

    private CapturedRuns() {
    }

    static Environment environment(String gateway) {
        return gateway.equals("vercel") ? CapturedBodiesTest.ENVIRONMENT : OpenRouterCapturedBodiesTest.ENVIRONMENT;
    }

    static List<Exchange> runMeeting(String gateway, Captured answer) {
        if (gateway.equals("vercel")) {
            return CapturedBodiesTest.runMeeting(answer);
        }
        if (answer.toApplicationRequest()) {
            String request = RequestFile.read("src/test/resources/requests/" + answer.request()).body();
            return OpenRouterDocumentedClassesTest.applicationRequestMeeting(request, answer.status(), answer.answer());
        }
        return OpenRouterCapturedBodiesTest.runMeeting(answer);
    }

    /** The rule that gives {@code answer}'s run its verdict, by the name the captured files and the verdicts page give it. */
    static String ruleMet(Diagnosis diagnosis, String gateway, Captured answer) {
        return diagnosis.nameOf(diagnosis.ruleOf(runMeeting(gateway, answer), Diagnosis.Scenarios.failed(1), environment(gateway)));
    }
}
