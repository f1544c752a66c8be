Feature: API keys
  The gateway checks the key before anything else: a key it never issued, or no key at all, gets
  401 on every authenticated route. So a 401 means "this key is wrong", and any other refusal of
  the team's key means the key itself is fine and the problem is elsewhere. Every refusal comes in
  the gateway's own words and envelope, with the request id support asks for: Vercel's
  {"error":{"message","type"}} with type authentication_error and an x-vercel-id; OpenRouter's
  {"error":{"message","code"}} saying "User not found." (the gateway's profile holds each answer).

  @smoke
  Scenario: A key the gateway never issued is refused
    Given a key the gateway never issued
    When the key is checked without spending
    Then the gateway answers 401
    And the refusal is the gateway's own answer to a key it does not know

  Scenario: A request without a key is refused
    Given no key
    When the key is checked without spending
    Then the gateway answers 401
    And the refusal is the gateway's own answer to a request without a key

  @smoke
  Scenario: The team's key is recognised
    Given my team's API key
    When the key is checked without spending
    Then the gateway does not answer 401
