package dev.aigateway.contract.run;

import dev.aigateway.contract.BuildStep;

import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.EnvironmentFolders;
import dev.aigateway.contract.environment.EnvironmentLoader;
import dev.aigateway.contract.environment.RouteFeatures;
import dev.aigateway.contract.simulator.SimulatedGateway;
import dev.aigateway.contract.request.ApplicationRequest;
import dev.aigateway.contract.request.ApplicationRequests;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs before the contract suite ({@code package}, before {@code reports/} is emptied): takes the
 * checkout's {@link RunLock} (released by the finishing step, or here when the build stops), then reads the chosen environment,
 * and the application's request files it or {@code -Drequest} names, so that a missing file, field or
 * variable, a route whose features are all another gateway's ({@link RouteFeatures}), or a request file that cannot be read, stops the build with one clear sentence, before any report is started.
 */
public final class EnvironmentCheck {

    private EnvironmentCheck() {}

    /** Arguments: the project root, the environment name, then {@code true} when no contract run follows (-DskipITs). */
    public static void main(String[] args) {
        BuildStep.run("The environment check", () -> check(args));
    }

    private static void check(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        RunLock.take(root);
        boolean runFollows = args.length < 3 || !Boolean.parseBoolean(args[2]);
        Environment environment;
        String baseUrlNote;
        List<ApplicationRequest> requests;
        try {
            EnvironmentLoader loader = new EnvironmentLoader(root);
            environment = loader.load(args[1]);
            baseUrlNote = loader.baseUrlNote();
            // A route whose features are all another gateway's would check nothing: refused before the run.
            RouteFeatures.check(root, environment, EnvironmentFolders.display(root, args[1]));
            // A request file that cannot be read stops the build here too, before anything is sent.
            requests = ApplicationRequests.read(root, ApplicationRequests.named(environment,
                    System.getProperty(ApplicationRequests.PROPERTY)));
        } catch (Throwable stopped) {
            RunLock.release(root);
            throw stopped;
        }
        if (!runFollows) {
            // -DskipITs: no contract run, so no finishing step to release it; a run in progress was refused all the same.
            RunLock.release(root);
        }
        System.out.println("[contract] environment " + environment.name() + ": " + environment.description()
                + " -> " + (environment.usesSimulator()
                        ? "embedded simulated gateway, team " + environment.simulator().team() + latency(environment)
                        : environment.baseUrl() + (baseUrlNote.isEmpty() ? "" : " (" + baseUrlNote + ")")));
        for (int i = 0; i < requests.size(); i++) {
            System.out.println("[contract] " + line(i + 1, requests.get(i), environment.profile()));
        }
    }

    /** "your application's request 1: requests/app.curl, POST /v1/chat/completions (chat-completions), with the environment's credential". */
    static String line(int slot, ApplicationRequest request, dev.aigateway.contract.gateway.GatewayProfile profile) {
        dev.aigateway.contract.request.RequestRoute route = request.route(profile);
        return "your application's request " + slot + ": " + request.source() + ", " + request.method() + " "
                + request.path() + " (" + (route.known() ? route.id() : "a path " + profile.title()
                        + " does not list, held as billable") + "), sent with the environment's credential"
                + (request.replaced().isEmpty() ? "" : " in place of the file's");
    }

    private static String latency(Environment environment) {
        int latencyMs = SimulatedGateway.latencyMs(environment.simulator().latencyMs());
        return latencyMs == 0 ? "" : ", every answer " + latencyMs + " ms late";
    }
}
