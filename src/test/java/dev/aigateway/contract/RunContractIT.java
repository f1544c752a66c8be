package dev.aigateway.contract;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The contract run: every feature under {@code features/} on the Cucumber engine. It runs through
 * Failsafe so that the Allure report is made before a failed contract fails the build.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "dev.aigateway.contract.steps")
public class RunContractIT {
}
