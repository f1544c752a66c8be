package dev.aigateway.contract.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Suites page, as headless Chromium dumps Allure's tree: a feature is listed when a node of the tree bears its title. */
class ReportCheckTest {

    private static final String SUITES = """
            <div class="node__title long-line" data-uid="c0457a36a9ea9825d59d271b989f37b7">
                <span class="node__arrow block__arrow"><span class="angle fa fa-angle-right fa-fw fa-lg"></span></span>
                    <div class="node__name">
                        API keys
                    </div>
                <div class="tree__strut">&nbsp;</div>
            </div>
            <div class="node__title long-line" data-uid="d1">
                    <div class="node__name">
                        Keys &amp; credits
                    </div>
            </div>
            <title>healthy: Healthy (Credits)</title>
            """;

    @Test
    void aFeatureWhoseTitleNamesANodeOfTheTreeIsListed() {
        assertThat(ReportCheck.featureListed("API keys", SUITES), empty());
        assertThat(ReportCheck.featureListed("Keys & credits", SUITES), empty());
    }

    @Test
    void aFeatureNamedOnlyElsewhereOnThePageIsNotListed() {
        assertThat(ReportCheck.featureListed("Credits", SUITES),
                equalTo(List.of("the Suites page does not list the feature \"Credits\"")));
        assertThat(ReportCheck.featureListed("API", SUITES),
                equalTo(List.of("the Suites page does not list the feature \"API\"")));
    }
}
