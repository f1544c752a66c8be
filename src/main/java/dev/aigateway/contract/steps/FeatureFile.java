package dev.aigateway.contract.steps;

import java.net.URI;
import java.nio.file.Path;

/** Where a scenario is written, as the run names it: {@code features/credits/balance.feature}. */
final class FeatureFile {

    private FeatureFile() {}

    /**
     * The feature file of {@code uri}: relative to the working directory (the project folder, where the
     * suite reads {@code features/} in place) when it is under it, as Allure's Cucumber plugin names it too;
     * else as Cucumber gave it ({@code classpath:} left out, for a suite that selects features on the class path).
     */
    static String path(URI uri) {
        if ("file".equals(uri.getScheme())) {
            Path file = Path.of(uri).normalize();
            Path here = Path.of("").toAbsolutePath().normalize();
            return (file.startsWith(here) ? here.relativize(file) : file).toString().replace('\\', '/');
        }
        return uri.toString().replaceFirst("^classpath:", "");
    }
}
