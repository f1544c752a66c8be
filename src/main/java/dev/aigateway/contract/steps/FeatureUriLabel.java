package dev.aigateway.contract.steps;

import io.qameta.allure.listener.TestLifecycleListener;
import io.qameta.allure.model.TestResult;
import java.net.URI;

/**
 * Names each scenario's feature file in the Allure results as the run does ({@code features/credits/balance.feature}),
 * not as the absolute file URI Cucumber gives since the suite reads {@code features/} in place: the report goes
 * into the public bundle, and the checkout's path (a user name in it, often) is nobody's business there.
 * Registered in {@code META-INF/services}, so Allure's lifecycle loads it wherever it runs.
 */
public final class FeatureUriLabel implements TestLifecycleListener {

    static final String LABEL = "gherkin_uri";

    @Override
    public void beforeTestWrite(TestResult result) {
        result.getLabels().stream()
                .filter(label -> LABEL.equals(label.getName()) && label.getValue() != null && label.getValue().startsWith("file:"))
                .forEach(label -> label.setValue(FeatureFile.path(URI.create(label.getValue()))));
    }
}
