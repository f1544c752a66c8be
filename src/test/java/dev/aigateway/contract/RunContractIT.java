package dev.aigateway.contract;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The contract run: every feature under {@code features/} on the Cucumber engine. The build runs it
 * in a JVM of its own ({@link SuiteLauncher}), so that the Allure report is made before a failed
 * contract fails the build; an IDE can run it as it is, with {@code -Denv=NAME}.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "dev.aigateway.contract.steps")
public class RunContractIT {
}
