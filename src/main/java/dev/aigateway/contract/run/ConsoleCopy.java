package dev.aigateway.contract.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Copies everything the contract run prints to standard output into the file named by the system
 * property {@value #PROPERTY} (set by the build), so that the secret scan reads the console too. A
 * launcher session listener: it starts before Cucumber's plugins take hold of the console.
 */
public final class ConsoleCopy implements LauncherSessionListener {

    static final String PROPERTY = "contract.console";

    private PrintStream original;
    private OutputStream file;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String path = System.getProperty(PROPERTY);
        if (path != null && file == null) {
            start(Path.of(path));
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (file != null) {
            stop();
        }
    }

    private void start(Path path) {
        try {
            Files.createDirectories(path.getParent());
            OutputStream file = Files.newOutputStream(path);
            PrintStream original = System.out;
            this.file = file;
            this.original = original;
            System.setOut(new PrintStream(new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    original.write(b);
                    file.write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    original.write(bytes, offset, length);
                    file.write(bytes, offset, length);
                }

                @Override
                public void flush() throws IOException {
                    original.flush();
                    file.flush();
                }
            }, true));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the console to " + path, e);
        }
    }

    private void stop() {
        System.out.flush();
        System.setOut(original);
        try {
            file.close();
            file = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
