Feature: Credits
  A team can always read its own balance with the key it calls with, so the balance separates "my
  key is wrong" from "my team is blocked". On Vercel it is /v1/credits, which answers 200 even while
  inference is held back by the card or free-credit gates. On OpenRouter the account's /credits needs
  a management key: an inference key reads its own record on /api/v1/key, whose limit_remaining is
  what the key may still spend (null for a key without a limit of its own), and is_free_tier whether
  the account ever bought credits. The gateway's profile names the route and the shape.

  Background:
    Given my team's API key

  @smoke
  Scenario: A team reads its balance
    When I ask for my credit balance
    Then the gateway answers 200
    And the balance and the total used are decimal amounts in US dollars

  Scenario: A funded team has money to spend
    Given my environment says the team is funded
    When I ask for my credit balance
    Then the gateway answers 200
    And the balance is more than zero
