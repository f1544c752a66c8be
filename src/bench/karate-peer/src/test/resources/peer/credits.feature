Feature: Credits

  Background:
    * url baseUrl
    * path 'v1/credits'
    * header Authorization = 'Bearer ' + apiKey

  Scenario: A team reads its balance
    * method get
    * status 200
    * match response == { balance: '#(decimal)', total_used: '#(decimal)' }

  Scenario: A funded team has money to spend
    * method get
    * status 200
    * assert parseFloat(response.balance) > 0
