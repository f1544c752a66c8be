package dev.aigateway.contract;

/**
 * The body of each main class the build runs (the environment check, the contract suite's JVM, the
 * finishing step, the standalone simulated gateway). A {@link Stop} ends the build with its sentence;
 * anything else is a bug of the tool, and says so on the line before its trace, since the build no
 * longer prints the traces of exec:java (.mvn/jvm.config).
 */
public final class BuildStep {

    /** What a build step does. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    private BuildStep() {}

    public static void run(String step, Body body) {
        try {
            body.run();
        } catch (Stop stop) {
            throw stop;
        } catch (Throwable bug) {
            System.out.flush();
            System.err.println("[contract] " + step + " stopped on a bug of ai-gateway-contract itself, not of your"
                    + " gateway or environment. Please report it with the trace below:");
            bug.printStackTrace();
            throw new Stop(step + " stopped on a bug of ai-gateway-contract: see the trace above.");
        }
    }
}
