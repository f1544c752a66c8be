@application-request
Feature: Your application's request
  The probes send the smallest request each route accepts; your application sends its own, and a
  gateway may refuse that one while the probes pass. Given with -Drequest=FILE or requests: in the
  environment (a curl command line, a HAR entry or a JSON request), it is sent as the application
  sends it, with two changes: to the environment's baseUrl, never the host in the file, and with the
  environment's credential, never the one in the file. Its worst case, from the catalog's prices for
  its model and max_tokens, is held under maxSpendUsd before it is sent, like any billable call.
  When the gateway itself refuses it, a few variants that each change one thing (the probe's smallest
  request on the same model, stream flipped, one field halved or dropped, one message dropped) find
  what the refusal follows, at most request.maxVariants of them, each under the same spend cap.

  Background:
    Given my team's API key

  Scenario Outline: Your application's request <request>
    When I send my application's request <request>
    And if the gateway refuses request <request>, variants of it find what it refuses
    Then the gateway answers 2xx

    @application-request-1
    Examples: the first
      | request |
      | 1       |

    @application-request-2
    Examples: the second
      | request |
      | 2       |

    @application-request-3
    Examples: the third
      | request |
      | 3       |

    @application-request-4
    Examples: the fourth
      | request |
      | 4       |

    @application-request-5
    Examples: the fifth
      | request |
      | 5       |
