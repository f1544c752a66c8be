package dev.aigateway.contract.portkey;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.aigateway.contract.NodeJs;
import dev.aigateway.contract.Processes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Portkey's open-source gateway ({@code @portkey-ai/gateway}, pinned in src/test/portkey/package-lock.json, with the
 * two fixes its package.json names) run by Node.js on 127.0.0.1, on a free port: {@code node start.mjs 0}.
 * Installed with {@code npm ci} the first time, or when the lock changed, as the real-clients test installs its SDKs.
 */
final class PortkeyGateway implements AutoCloseable {

    static final Path PROJECT = Path.of(System.getProperty("contract.root", "."), "src/test/portkey");
    private static final Pattern LISTENING = Pattern.compile("portkey listening on (http://127\\.0\\.0\\.1:\\d+)");

    private final Process process;
    private final String baseUrl;
    private final StringBuilder output = new StringBuilder();

    private PortkeyGateway(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** Installs it when needed, starts it and waits (at most a minute) until it says where it listens. */
    static PortkeyGateway start() throws Exception {
        install();
        Process process = new ProcessBuilder("node", "start.mjs", "0").directory(PROJECT.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> listening = CompletableFuture.supplyAsync(() -> {
            StringBuilder seen = new StringBuilder();
            try {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find()) {
                        return matcher.group(1);
                    }
                    seen.append(line).append('\n');
                }
            } catch (IOException e) {
                seen.append(e);
            }
            throw new IllegalStateException("node start.mjs ended without listening:\n" + seen);
        });
        String url;
        try {
            url = listening.get(60, TimeUnit.SECONDS);
        } catch (Exception notListening) {
            process.destroyForcibly();
            throw new AssertionError("Portkey did not start: " + notListening.getMessage(), notListening);
        }
        PortkeyGateway gateway = new PortkeyGateway(process, url);
        // Keep reading what it prints (its own request log), so that it never waits on a full pipe.
        Thread reader = new Thread(() -> {
            try {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (gateway.output) {
                        gateway.output.append(line).append('\n');
                    }
                }
            } catch (IOException ended) {
                // The process ended.
            }
        }, "portkey-output");
        reader.setDaemon(true);
        reader.start();
        return gateway;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** What it printed since it listened. */
    String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void install() throws Exception {
        NodeJs.required();
        Path installed = PROJECT.resolve("node_modules/.package-lock.json");
        Path retry = PROJECT.resolve("node_modules/async-retry/lib/index.js");
        // npm ci when nothing is installed, when package-lock.json changed since, or when the patch is not applied.
        if (!Files.isRegularFile(installed) || Files.getLastModifiedTime(PROJECT.resolve("package-lock.json"))
                .compareTo(Files.getLastModifiedTime(installed)) > 0
                || !Files.isRegularFile(retry) || !Files.readString(retry).contains("fn(bail, num, op)")) {
            Processes.Result install = Processes.run(PROJECT, Duration.ofMinutes(5), "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
            assertThat("npm ci in src/test/portkey:\n" + install.output(), install.exitCode(), equalTo(0));
        }
    }
}
