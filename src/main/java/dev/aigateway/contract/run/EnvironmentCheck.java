package dev.aigateway.contract.run;

import dev.aigateway.contract.BuildStep;

import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.EnvironmentLoader;
import dev.aigateway.contract.simulator.SimulatedGateway;
import java.nio.file.Path;

/**
 * Runs before the contract suite ({@code package}, before {@code reports/} is emptied): takes the
 * checkout's {@link RunLock} (released by the finishing step, or here when the build stops), then reads the chosen environment so that a missing file, field or
 * variable stops the build with one clear sentence, before any report is started.
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
        try {
            environment = new EnvironmentLoader(root).load(args[1]);
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
                        : environment.baseUrl()));
    }

    private static String latency(Environment environment) {
        int latencyMs = SimulatedGateway.latencyMs(environment.simulator().latencyMs());
        return latencyMs == 0 ? "" : ", every answer " + latencyMs + " ms late";
    }
}
