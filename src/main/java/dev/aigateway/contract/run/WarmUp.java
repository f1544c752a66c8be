package dev.aigateway.contract.run;

import static io.restassured.RestAssured.given;

import dev.aigateway.contract.http.MatchesSchema;
import io.qameta.allure.attachment.FreemarkerAttachmentRenderer;
import io.qameta.allure.attachment.http.HttpRequestAttachment;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.http.impl.client.DefaultHttpClient;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Loads the request side of the contract run (REST Assured and the Groovy under it, the HTTP client
 * with its TLS setup, the JSON Schema validator, the Allure attachment templates) on a second core while JUnit and Cucumber discover
 * the features on the first, instead of after them: the run's test JVM starts
 * sooner on two cores (measured by src/bench/verify-speed.sh). Nothing is sent. Only in the contract run's JVM
 * (the build sets {@code env}).
 */
public final class WarmUp implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("env") == null) {
            return;
        }
        Thread warmUp = new Thread(WarmUp::load, "warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    private static void load() {
        given().baseUri("http://127.0.0.1").urlEncodingEnabled(false).header("Authorization", "Bearer -")
                .contentType(ContentType.JSON).body("{}");
        new DefaultHttpClient().getConnectionManager().shutdown();
        MatchesSchema.matchesSchema("credits").matches("{}");
        // A path into an answer compiles a Groovy script: its parser is a thousand classes.
        JsonPath.from("{\"error\":{\"type\":\"authentication_error\"}}").getString("error.type");
        new FreemarkerAttachmentRenderer("http-request.ftl")
                .render(HttpRequestAttachment.Builder.create("warm-up", "http://127.0.0.1").setMethod("GET").build());
    }
}
