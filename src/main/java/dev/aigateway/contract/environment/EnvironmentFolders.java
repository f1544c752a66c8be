package dev.aigateway.contract.environment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the environments live: the user's own and the templates to copy in {@code environments/}, those that run
 * on this machine in {@code environments/local/}; {@code -Denv=NAME} finds either, the user's own first.
 */
public final class EnvironmentFolders {

    /** The user's environments and the templates to copy for a real gateway: {@code environments/<name>.yaml}. */
    public static final String FOLDER = "environments";
    /**
     * The environments that run on this machine, in {@code environments/local/}: the simulated teams, the
     * simulator over a URL, a port where nothing listens. {@code -Denv=<name>} finds them there too.
     */
    public static final String LOCAL = "local";

    private EnvironmentFolders() {}

    /** Names of the environments that exist, in {@code environments/} and {@code environments/local/}, sorted. */
    public static List<String> names(Path root) {
        return Stream.concat(namesIn(root.resolve(FOLDER)).stream(),
                namesIn(root.resolve(FOLDER).resolve(LOCAL)).stream()).distinct().sorted().toList();
    }

    private static List<String> namesIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(file -> file.endsWith(".yaml"))
                    .map(file -> file.substring(0, file.length() - ".yaml".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * The file of environment {@code name} under {@code root}: {@code environments/<name>.yaml} when it exists (the
     * user's own wins), else {@code environments/local/<name>.yaml} when that exists, else the first.
     */
    public static Path file(Path root, String name) {
        Path own = root.resolve(FOLDER).resolve(name + ".yaml");
        Path local = root.resolve(FOLDER).resolve(LOCAL).resolve(name + ".yaml");
        return !Files.isRegularFile(own) && Files.isRegularFile(local) ? local : own;
    }

    /** {@link #file}, as the messages name it: {@code environments/local/local-team-blocked.yaml}. */
    public static String display(Path root, String name) {
        return FOLDER + "/" + root.resolve(FOLDER).relativize(file(root, name)).toString().replace('\\', '/');
    }

    /** The environments that exist, in one sentence for a message that names one that does not. */
    static String existing(Path root) {
        List<String> own = namesIn(root.resolve(FOLDER));
        List<String> local = namesIn(root.resolve(FOLDER).resolve(LOCAL));
        if (own.isEmpty() && local.isEmpty()) {
            return "There are no environment files in " + FOLDER + "/.";
        }
        return "Environments that exist: " + (own.isEmpty() ? "" : "yours and the templates (" + FOLDER + "/): "
                + String.join(", ", own) + (local.isEmpty() ? "" : "; ")) + (local.isEmpty() ? ""
                : "on this machine (" + FOLDER + "/" + LOCAL + "/): " + String.join(", ", local)) + ".";
    }
}
