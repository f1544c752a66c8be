@messages
Feature: Anthropic Messages
  Claude Code and the Anthropic SDKs call the gateway's /v1/messages, Anthropic's own Messages API,
  with the same key as every other route. The gateway refuses a bad request in Anthropic's envelope
  {"type":"error","error":{"type","message"}}; account and billing gates can come in the gateway's
  own envelope here too. A failure on this route while chat completions work points at the route,
  not at the key.

  Scenario: A key the gateway never issued is refused on the Messages API
    Given a key the gateway never issued
    When I send the probe model the smallest message through the Messages API
    Then the gateway answers 401
    And the refusal is an "authentication_error" in either the gateway's or Anthropic's error envelope

  @billable
  Scenario: The smallest message through the Messages API
    Given my team's API key
    When I send the probe model the smallest message through the Messages API
    Then the gateway answers 200
    And the answer is an Anthropic message with a generation id and its token usage

  @billable @streaming
  Scenario: The smallest message through the Messages API, streamed
    Given my team's API key
    When I send the probe model the smallest message through the Messages API, streamed
    Then the gateway answers 200
    And the stream's named events run from message_start to message_stop

  # Claude Code asks for the count before every turn; it runs no model and costs nothing
  # (https://docs.anthropic.com/en/api/messages-count-tokens). Vercel's route (gateways/vercel.yaml).
  @vercel
  Scenario: The probe model counts the tokens of a message
    Given my team's API key
    When I count the tokens of the probe model's smallest message
    Then the gateway answers 200
    And the answer counts the message's input tokens
