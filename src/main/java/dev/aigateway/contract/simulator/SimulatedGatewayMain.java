package dev.aigateway.contract.simulator;

import dev.aigateway.contract.BuildStep;
import dev.aigateway.contract.Stop;
import dev.aigateway.contract.WireLog;

/**
 * Runs the simulated gateway in the foreground, serving every team, so that any client can be
 * pointed at it: {@code ./mvnw -q compile exec:java -Dsimulator.port=PORT}, with
 * {@code -Dsimulator.latencyMs=N} to answer N ms late and {@code -Dsimulator.gateway=NAME} to pass for another
 * gateway than the default one (a profile of {@code gateways/}, e.g. openrouter). Stops on Ctrl-C.
 */
public final class SimulatedGatewayMain {

    private SimulatedGatewayMain() {}

    public static void main(String[] args) {
        BuildStep.run("The simulated gateway", SimulatedGatewayMain::serve);
    }

    private static void serve() throws InterruptedException {
        WireLog.apply();
        String portProperty = System.getProperty("simulator.port", "8080");
        int port;
        try {
            port = Integer.parseInt(portProperty.trim());
        } catch (NumberFormatException e) {
            throw new Stop("-Dsimulator.port=" + portProperty + " is not a port number; use e.g. -Dsimulator.port=8080");
        }
        int latencyMs;
        try {
            latencyMs = SimulatedGateway.latencyMs(0);
        } catch (IllegalArgumentException e) {
            throw new Stop(e.getMessage());
        }
        dev.aigateway.contract.gateway.GatewayProfile profile;
        try {
            profile = dev.aigateway.contract.gateway.GatewayProfile.named(
                    System.getProperty("simulator.gateway", dev.aigateway.contract.gateway.GatewayProfile.defaultName()).trim());
        } catch (IllegalArgumentException e) {
            throw new Stop("-Dsimulator.gateway: " + e.getMessage());
        }
        SimulatedGateway gateway;
        try {
            gateway = SimulatedGateway.start(port, latencyMs, profile);
        } catch (RuntimeException e) {
            throw new Stop("The simulated gateway could not listen on 127.0.0.1:" + port + " (" + rootMessage(e)
                    + "). Pick another port: -Dsimulator.port=PORT");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            System.out.println("Simulated gateway stopped.");
        }));
        System.out.println("Simulated gateway listening on " + gateway.baseUrl() + " (as " + profile.title() + ")"
                + (latencyMs == 0 ? "" : " (every answer " + latencyMs + " ms late)"));
        for (Teams.Team team : gateway.teams().all()) {
            System.out.printf("  team %-16s key %s%n", team.name(), team.demoKey());
        }
        System.out.println("Try: curl -s " + gateway.baseUrl() + profile.keyCheckRoute().path() + " -H \"Authorization: Bearer "
                + gateway.teams().all().get(0).demoKey() + "\"    (Ctrl-C stops it)");
        Thread.currentThread().join();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
