@chat-completions @byok @billable @vercel
Feature: Bring your own key
  With a request-scoped BYOK credential (providerOptions.gateway.byok) and routing restricted to
  that provider, the gateway serves the request with the user's own provider key and says so in
  its routing metadata; when the provider refuses the key, it falls back to its system credentials.
  A positive gateway balance is required all the same, BYOK included (vercel/ai#11280), and calling
  the provider directly shows whether the key itself works.

  Background:
    Given my team's API key

  Scenario: My own provider key serves the request
    Given my own provider key
    When I ask the BYOK model for the smallest chat completion through that key only
    Then the gateway answers 200
    And the routing metadata shows the attempt served with byok credentials

  Scenario: A key the provider refuses falls back to system credentials
    Given a provider key the provider refuses
    When I ask the BYOK model for the smallest chat completion through that key only
    Then the gateway answers 200
    And the routing metadata shows the failed byok attempt, then the system attempt

  Scenario: At a zero balance the gateway refuses BYOK too
    Given my environment says the team's balance is zero
    And my own provider key
    When I ask the BYOK model for the smallest chat completion through that key only
    Then the gateway answers 402
    And the refusal is an "insufficient_funds" in the gateway's error envelope

  Scenario: My provider key works when I call the provider directly
    Given my own provider key
    And my environment asks to check the key directly with the provider
    When I call the provider directly with it for one token
    Then the provider answers 200
