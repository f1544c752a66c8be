package dev.aigateway.contract;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * The contract run for an IDE, from the project folder: every feature under {@code features/} on the
 * Cucumber engine, with {@code -Denv=NAME}; its glue and plugins come from {@code junit-platform.properties}. The build runs
 * the same selection ({@code run.SuiteLauncher#contract}) in a JVM of its own, so that the Allure report
 * is made before a failed contract fails the build.
 */
@Suite
@IncludeEngines("cucumber")
@SelectDirectories("features")
public class RunContractIT {
}
