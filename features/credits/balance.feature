@vercel
Feature: Credits
  A team can always read its own balance: /v1/credits needs a valid key and nothing else, so it
  separates "my key is wrong" from "my team is blocked". It answers 200 even while inference is
  held back by the card or free-credit gates. Vercel's alone: OpenRouter's /credits needs a
  management key, and its key is checked on /api/v1/key (features/auth).

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
