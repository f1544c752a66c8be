Feature: Model catalog

  Scenario: Anyone can read the catalog, and it offers the models my environment expects
    * url baseUrl
    * path 'v1/models'
    * method get
    * status 200
    * match response.data == '#[_ > 0]'
    * match each response.data contains { id: '#string', type: '#string', pricing: '#object' }
    * def listed = karate.jsonPath(response, '$.data[*].id')
    * match listed contains expectedModels
    * def expected = karate.filter(response.data, function(m){ return expectedModels.indexOf(m.id) >= 0 })
    * match each karate.jsonPath(expected, '$[*].pricing') contains { input: '#(decimal)', output: '#(decimal)' }
