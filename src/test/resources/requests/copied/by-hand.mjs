// A call written by hand, as an application makes it (not a DevTools copy).
const response = await fetch(`https://ai-gateway.vercel.sh/v1/chat/completions`, {
  method: "post",
  headers: {
    Authorization: `Bearer ${process.env.AI_GATEWAY_API_KEY}`,
    "Content-Type": "application/json",
    /* the gateway's tag for this app */
    'x-request-tag': 'it\'s mine',
  },
  body: JSON.stringify({
    model: "openai/gpt-4o-mini",
    max_tokens: 16,
    messages: [{ role: 'user', content: `Line one\nIt's "quoted", 100% ^_^ $HOME` }],
  }, null, 2),
});
console.log(await response.json());
