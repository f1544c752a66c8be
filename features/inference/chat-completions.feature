@chat-completions @billable
Feature: Chat completions
  The smallest request that costs money: one short message to the environment's probe model with
  the environment's max_tokens. It proves the whole path (key, team, billing, provider) works, and
  it runs only where the environment allows billable calls. A model that does not exist is refused
  in the gateway's own words: Vercel answers 404 model_not_found, OpenRouter 400 "... is not a valid
  model ID".

  Background:
    Given my team's API key

  Scenario: The smallest chat completion
    When I ask the probe model for the smallest chat completion
    Then the gateway answers 200
    And the answer carries a generation id, token usage and its cost

  @streaming
  Scenario: The smallest chat completion, streamed
    When I ask the probe model for the smallest chat completion, streamed
    Then the gateway answers 200
    And the stream opens with the assistant's role, ends with a usage chunk and then "data: [DONE]"

  Scenario: A model that does not exist
    When I ask for a chat completion from a model that does not exist
    Then the gateway refuses the model that does not exist in its own words
