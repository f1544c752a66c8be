Feature: Error envelope
  Every refusal comes as {"error":{"message","type"}} with an x-vercel-id, the request id support
  asks for, so a client (and this tool) can name the failure from the answer alone. The key is
  checked before the request body: a refused key gets 401 even on a request that is incomplete.

  Scenario Outline: <caller> sending <method> <path> is refused in the envelope
    Given <caller>
    When I send <method> <path>
    Then the gateway answers <status>
    And the refusal is an "<type>" in the gateway's error envelope

    Examples: Refused before any account check
      | caller                         | method | path                 | status | type                 |
      | a key the gateway never issued | GET    | /v1/credits          | 401    | authentication_error |
      | a key the gateway never issued | POST   | /v1/chat/completions | 401    | authentication_error |
      | no key                         | POST   | /v1/chat/completions | 401    | authentication_error |

    Examples: Routes the gateway does not have
      | caller            | method | path              | status | type            |
      | my team's API key | GET    | /v1/no-such-route | 404    | not_found_error |
