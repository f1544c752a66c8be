Feature: API keys

  Background:
    * url baseUrl
    * path 'v1/credits'

  Scenario: A key the gateway never issued is refused
    * header Authorization = 'Bearer vck_never_issued_0000000000'
    * method get
    * status 401
    * match response.error contains { message: '#string', type: 'authentication_error' }
    * match karate.response.header('x-vercel-id') == '#string'

  Scenario: A request without a key is refused
    * method get
    * status 401
    * match response.error contains { message: '#string', type: 'authentication_error' }
    * match karate.response.header('x-vercel-id') == '#string'

  Scenario: The team's key is recognised
    * header Authorization = 'Bearer ' + apiKey
    * method get
    * assert responseStatus != 401
