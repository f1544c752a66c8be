@vercel
Feature: The AI SDK's own protocol
  AI SDK applications (generateText and streamText with the gateway provider) do not call chat
  completions: @ai-sdk/gateway posts the SDK's call options to <base>/language-model, with the model
  and the specification version in headers. Each major version of @ai-sdk/gateway has its own base:
  /v1/ai for 1.x and 2.x (ai@5), /v3/ai for 3.x, /v4/ai for 4.x. Refusals come in the gateway's
  envelope, which the SDK turns into its Gateway*Error classes.

  Scenario Outline: A key the gateway never issued is refused by <client>
    Given a key the gateway never issued
    When I stream the smallest text from the probe model through <base> as specification version <version>
    Then the gateway answers 401
    And the refusal is an "authentication_error" in the gateway's error envelope

    @ai-sdk-v1
    Examples: @ai-sdk/gateway 1.x and 2.x
      | client                  | base   | version |
      | @ai-sdk/gateway 2.x     | /v1/ai | 2       |

    @ai-sdk-v3
    Examples: @ai-sdk/gateway 3.x
      | client                  | base   | version |
      | @ai-sdk/gateway 3.x     | /v3/ai | 2       |

    @ai-sdk-v4
    Examples: @ai-sdk/gateway 4.x
      | client                  | base   | version |
      | @ai-sdk/gateway 4.x     | /v4/ai | 4       |

  @billable @streaming
  Scenario Outline: The smallest text, streamed as <client> streams it
    Given my team's API key
    When I stream the smallest text from the probe model through <base> as specification version <version>
    Then the gateway answers 200
    And the stream's parts run from stream-start to a finish part with its usage

    @ai-sdk-v1
    Examples: @ai-sdk/gateway 1.x and 2.x
      | client                  | base   | version |
      | @ai-sdk/gateway 2.x     | /v1/ai | 2       |

    @ai-sdk-v3
    Examples: @ai-sdk/gateway 3.x
      | client                  | base   | version |
      | @ai-sdk/gateway 3.x     | /v3/ai | 2       |

    @ai-sdk-v4
    Examples: @ai-sdk/gateway 4.x
      | client                  | base   | version |
      | @ai-sdk/gateway 4.x     | /v4/ai | 4       |
