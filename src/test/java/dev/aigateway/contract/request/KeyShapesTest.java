package dev.aigateway.contract.request;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyShapesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "vck_FAKE7hQ2mX9pL4sV8nR1tK6wB3zY5cF0dG2jA9eU4iO",
        "Bearer vck_FAKE7hQ2mX9pL4sV8nR1tK6wB3zY5cF0dG2jA9eU4iO",
        "sk-proj-FAKEXk9mP2qL7vN4rT8wB1zC6yD3fG5hJ0aS",
        "sk-ant-api03-FAKEXk9mP2qL7vN4rT8wB1zC6yD3fG5hJ0aS-eU2iO4",
        "sk-or-v1-FAKE4f2a9c8e7d6b5a4938271605f4e3d2c1b0a9f8e7",
        "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJvd25lcjp0ZWFtIiwiZXhwIjoxNzk5OTk5OTk5fQ.c2lnbmF0dXJl",
        "AIzaSyD4fAkE1234567890abcdEFGhijKLmno",
        "Zx81KqP0aLm2nB7vC4dF9gH3jS6tY1uW5eR8iO0pQ",
        "q8Vd2LrT0xKm5NbZ7cWf3HyJ9sGa1PeU",
    })
    void aKeyLooksLikeOne(String value) {
        assertThat(value, KeyShapes.looksLikeKey(value), equalTo(true));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "application/json",
        "anthropic/claude-3-7-sonnet-20250219",
        "2023-06-01",
        "token-counting-2024-11-01",
        "4bf92f35-77b3-4da6-a3ce-929d0e0e4736",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "$AI_GATEWAY_API_KEY",
        "${AI_GATEWAY_API_KEY}",
        "Bearer $AI_GATEWAY_API_KEY",
        "Bearer %AI_GATEWAY_API_KEY%",
        "Bearer $env:AI_GATEWAY_API_KEY",
        "${env:AI_GATEWAY_API_KEY}",
        "Bearer ${process.env.AI_GATEWAY_API_KEY}",
        "sk-short",
        "MyApplicationName2026ProductionBuild",
        "Page1Section2Paragraph3Sentence4Word5",
        "AAAAAAAAAAaaaaaaaaaa1111111111111",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36",
    })
    void whatIsNoKeyDoesNot(String value) {
        assertThat(value, KeyShapes.looksLikeKey(value), equalTo(false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"$AI_GATEWAY_API_KEY", "%AI_GATEWAY_API_KEY%", "$env:AI_GATEWAY_API_KEY", "${ENV:AI_GATEWAY_API_KEY}",
        "${process.env.AI_GATEWAY_API_KEY}"})
    void eachShellsReferenceNamesAKeyAndHoldsNone(String value) {
        assertThat(value, KeyShapes.isReference(value), equalTo(true));
        assertThat(value, KeyShapes.isReference(value + "x%"), equalTo(false));
    }
}
