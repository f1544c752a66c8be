package dev.aigateway.contract.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.qameta.allure.model.Label;
import io.qameta.allure.model.TestResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Allure results name a feature file as the run does, never by the checkout's absolute path. */
class FeatureUriLabelTest {

    @Test
    void aFeatureReadInPlaceIsNamedFromTheProjectFolder() {
        String inPlace = Path.of("features/credits/balance.feature").toAbsolutePath().toUri().toString();
        assertThat(labels(inPlace, "classpath:features/auth/api-keys.feature"),
                contains("features/credits/balance.feature", "classpath:features/auth/api-keys.feature"));
    }

    @Test
    void aFeatureOutsideTheProjectFolderKeepsItsPath() {
        Path elsewhere = Path.of("").toAbsolutePath().getRoot().resolve("elsewhere/a.feature");
        assertThat(labels(elsewhere.toUri().toString()), contains(elsewhere.toString().replace('\\', '/')));
    }

    private static List<String> labels(String... uris) {
        List<Label> labels = new ArrayList<>();
        for (String uri : uris) {
            labels.add(new Label().setName(FeatureUriLabel.LABEL).setValue(uri));
        }
        labels.add(new Label().setName("suite").setValue("file:/not/a/uri/label"));
        TestResult result = new TestResult().setLabels(labels);
        new FeatureUriLabel().beforeTestWrite(result);
        assertThat("other labels are left alone", result.getLabels().get(uris.length).getValue(), equalTo("file:/not/a/uri/label"));
        return result.getLabels().stream().filter(label -> label.getName().equals(FeatureUriLabel.LABEL)).map(Label::getValue).toList();
    }
}
