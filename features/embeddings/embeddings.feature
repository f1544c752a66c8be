@embeddings
Feature: Embeddings
  Retrieval and search applications call /v1/embeddings: one vector per input, billed by input
  tokens. The generation id travels in providerMetadata.gateway, not at the top level.

  Scenario: A key the gateway never issued is refused on the embeddings route
    Given a key the gateway never issued
    When I ask the embedding model to embed one short input
    Then the gateway answers 401
    And the refusal is the gateway's own answer to a key it does not know

  @billable
  Scenario: One short input is embedded
    Given my team's API key
    When I ask the embedding model to embed one short input
    Then the gateway answers 200
    And the answer holds one embedding and its token usage
