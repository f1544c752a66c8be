Feature: Model catalog
  The catalog is public: it answers without any key, even for a blocked team, so it tells "the
  gateway is up" apart from "my account is refused". Prices are US dollars per token.

  @smoke
  Scenario: Anyone can read the catalog, and it offers the models my environment expects
    When anyone asks for the model catalog without a key
    Then the gateway answers 200
    And the catalog lists models in the gateway's own shape, each with an id and its pricing
    And every model my environment expects is listed with its pricing
