Feature: Model catalog
  The catalog is public on a hosted gateway: it answers without any key, even for a blocked team, so it
  tells "the gateway is up" apart from "my account is refused". Prices are US dollars per token. A
  self-hosted proxy's catalog may answer a valid key only, and list no prices (its profile says so:
  catalog.needsKey); there it is read with the team's key, and the keyless scenario does not apply.

  @smoke
  Scenario: Anyone can read the catalog, and it offers the models my environment expects
    When anyone asks for the model catalog without a key
    Then the gateway answers 200
    And the catalog lists models in the gateway's own shape, each with an id and its pricing
    And every model my environment expects is listed with its pricing

  @smoke @litellm
  Scenario: My key reads the catalog, and it offers the models my environment expects
    Given my team's API key
    When I ask for the model catalog with my key
    Then the gateway answers 200
    And the catalog lists models in the gateway's own shape
    And every model my environment expects is listed
