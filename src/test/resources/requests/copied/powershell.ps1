$session = New-Object Microsoft.PowerShell.Commands.WebRequestSession
$session.UserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36"
$session.Cookies.Add((New-Object System.Net.Cookie("_vercel_session", "FAKE_Gx81KqP0aLm2nB7vC4dF9gH3jS6tY1uW5eR8", "/", ".vercel.sh")))
$session.Cookies.Add((New-Object System.Net.Cookie("theme", "dark", "/", ".vercel.sh")))
Invoke-WebRequest -UseBasicParsing -Uri "https://ai-gateway.vercel.sh/v1/chat/completions" `
-Method "POST" `
-WebSession $session `
-Headers @{
"authority"="ai-gateway.vercel.sh"
  "method"="POST"
  "path"="/v1/chat/completions"
  "scheme"="https"
  "accept"="*/*"
  "accept-encoding"="gzip, deflate, br, zstd"
  "accept-language"="fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7"
  "authorization"="Bearer vck_FAKE7hQ2mX9pL4sV8nR1tK6wB3zY5cF0dG2jA9eU4iO"
  "origin"="https://app.example.com"
  "priority"="u=1, i"
  "referer"="https://app.example.com/"
  "sec-ch-ua"="`"Chromium`";v=`"142`", `"Google Chrome`";v=`"142`", `"Not_A Brand`";v=`"99`""
  "sec-ch-ua-mobile"="?0"
  "sec-ch-ua-platform"="`"Windows`""
  "sec-fetch-dest"="empty"
  "sec-fetch-mode"="cors"
  "sec-fetch-site"="cross-site"
} `
-ContentType "application/json" `
-Body ([System.Text.Encoding]::UTF8.GetBytes("{`"model`":`"openai/gpt-4o-mini`",`"max_tokens`":16,`"stream`":false,`"messages`":[{`"role`":`"user`",`"content`":`"R$([char]233)sume \`"l'$([char]233)t$([char]233)\`" en 5 mots : 100% ^_^ ``ok`` `$HOME & %PATH%`"}]}"))
