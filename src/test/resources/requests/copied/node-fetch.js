fetch("https://ai-gateway.vercel.sh/v1/chat/completions", {
  "headers": {
    "accept": "*/*",
    "accept-language": "fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7",
    "authorization": "Bearer vck_FAKE7hQ2mX9pL4sV8nR1tK6wB3zY5cF0dG2jA9eU4iO",
    "content-type": "application/json",
    "priority": "u=1, i",
    "sec-ch-ua": "\"Chromium\";v=\"142\", \"Google Chrome\";v=\"142\", \"Not_A Brand\";v=\"99\"",
    "sec-ch-ua-mobile": "?0",
    "sec-ch-ua-platform": "\"Windows\"",
    "sec-fetch-dest": "empty",
    "sec-fetch-mode": "cors",
    "sec-fetch-site": "cross-site",
    "cookie": "_vercel_session=FAKE_Gx81KqP0aLm2nB7vC4dF9gH3jS6tY1uW5eR8; theme=dark",
    "Referer": "https://app.example.com/",
    "Referrer-Policy": "strict-origin-when-cross-origin"
  },
  "body": "{\"model\":\"openai/gpt-4o-mini\",\"max_tokens\":16,\"stream\":false,\"messages\":[{\"role\":\"user\",\"content\":\"Résume \\\"l'été\\\" en 5 mots : 100% ^_^ `ok` $HOME & %PATH%\"}]}",
  "method": "POST"
});
