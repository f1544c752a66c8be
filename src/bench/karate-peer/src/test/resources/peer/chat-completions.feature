Feature: Chat completions

  Background:
    * url baseUrl
    * path 'v1/chat/completions'
    * header Authorization = 'Bearer ' + apiKey
    * def smallest = { model: '#(probeModel)', messages: [{ role: 'user', content: 'Say pong.' }], max_tokens: 1 }

  Scenario: The smallest chat completion
    * request smallest
    * method post
    * status 200
    * match response.id == '#regex gen_[0-9A-HJKMNP-TV-Z]{26}'
    * match response.choices[0].message.role == 'assistant'
    * match response.usage contains { prompt_tokens: '#number', completion_tokens: '#number', total_tokens: '#number', cost: '#number' }

  Scenario: The smallest chat completion, streamed
    * set smallest.stream = true
    * request smallest
    * method post
    * status 200
    * def events = karate.filter(karate.toString(response).split('\n'), function(line){ return line.indexOf('data: ') == 0 })
    * assert events.length >= 3
    * def lastEvent = events[events.length - 1]
    * match lastEvent == 'data: [DONE]'
    * def first = JSON.parse(events[0].substring(6))
    * match first.choices[0].delta.role == 'assistant'
    * match first.id == '#regex gen_[0-9A-HJKMNP-TV-Z]{26}'
    * def last = JSON.parse(events[events.length - 2].substring(6))
    * match last.usage == '#object'
    * match last.choices[0].finish_reason == '#string'

  Scenario: A model that does not exist
    * set smallest.model = 'contract-probe/no-such-model'
    * request smallest
    * method post
    * status 404
    * match response.error contains { message: '#string', type: 'model_not_found' }
