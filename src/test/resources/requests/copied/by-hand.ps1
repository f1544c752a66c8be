# A call written by hand in PowerShell (not a DevTools copy).
$headers = @{
    Authorization = "Bearer $env:AI_GATEWAY_API_KEY"
    'x-request-tag' = 'it''s mine'
}
$body = @"
{"model": "openai/gpt-4o-mini", "max_tokens": 16, "messages": [{"role": "user", "content": "Line one\nIt's \"quoted\", 100% ^_^ `$HOME"}]}
"@
Invoke-RestMethod -Method Post -Uri "https://ai-gateway.vercel.sh/v1/chat/completions" `
  -Headers $headers -ContentType "application/json" -Body $body
