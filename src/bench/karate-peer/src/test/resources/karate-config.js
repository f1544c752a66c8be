function fn() {
  // The gateway under test and the team's key: the standalone simulated gateway's healthy team by default.
  return {
    baseUrl: karate.properties['gateway.url'] || 'http://127.0.0.1:8080',
    apiKey: java.lang.System.getenv('AI_GATEWAY_API_KEY') || 'vck_sim_healthy_demo',
    probeModel: 'openai/gpt-4o-mini',
    expectedModels: ['openai/gpt-4o-mini', 'anthropic/claude-haiku-4.5'],
    decimal: '#regex -?\\d+(\\.\\d+)?'
  };
}
