@responses
Feature: OpenAI Responses
  The OpenAI SDK's responses.create calls the gateway's /v1/responses (OpenResponses): an input
  instead of messages, a response object with output items in return, and named events when
  streamed. Refusals come in the gateway's envelope {"error":{"message","type"}}.

  Scenario: A key the gateway never issued is refused on the Responses API
    Given a key the gateway never issued
    When I ask the probe model for the smallest response through the Responses API
    Then the gateway answers 401
    And the refusal is the gateway's own answer to a key it does not know

  @billable
  Scenario: The smallest response through the Responses API
    Given my team's API key
    When I ask the probe model for the smallest response through the Responses API
    Then the gateway answers 200
    And the answer is a completed response with a generation id, output and its token usage

  @billable @streaming
  Scenario: The smallest response through the Responses API, streamed
    Given my team's API key
    When I ask the probe model for the smallest response through the Responses API, streamed
    Then the gateway answers 200
    And the stream's named events run from response.created to response.completed
