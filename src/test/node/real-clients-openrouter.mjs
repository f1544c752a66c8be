// OpenRouter's clients against the standalone simulated OpenRouter (gateway: openrouter): for each client and
// account, what the client saw (the reply and its usage, or the error's class, status and message), checked against
// what the same client sees from OpenRouter itself as far as the sources show it: each SDK picks its error by HTTP
// status (openai-node's README, "Handling errors"; @openrouter/sdk's errors, one class per status of
// https://openrouter.ai/openapi.yaml; @openrouter/ai-sdk-provider raises the AI SDK's APICallError with the status),
// the bodies those statuses come with in src/test/resources/captured/openrouter/. Exits 1 on any difference.
//
//   node real-clients-openrouter.mjs http://127.0.0.1:PORT
import { createOpenRouter } from '@openrouter/ai-sdk-provider';
import { OpenRouter } from '@openrouter/sdk';
import { generateText, streamText } from 'ai';
import OpenAI from 'openai';

const baseUrl = (process.argv[2] ?? process.env.SIMULATOR_URL ?? '').replace(/\/+$/, '');
if (!/^https?:\/\//.test(baseUrl)) {
  console.error('usage: node real-clients-openrouter.mjs http://127.0.0.1:PORT   (the standalone simulated OpenRouter)');
  process.exit(2);
}
const apiBase = `${baseUrl}/api/v1`;

const TEAMS = ['healthy', 'no-credits', 'credits-below-request', 'key-limit', 'free-models-per-day', 'provider-error',
  'provider-rate-limited', 'region', 'data-policy',
  'stream-error', 'outage', 'firewall', 'unknown-key', 'key-limit-can-only-afford', 'region-provider'];
const CHAT_MODEL = 'openai/gpt-4o-mini';
const PROMPT = 'Say pong.';

/** The demo key of a simulated account; "unknown-key" names none, so OpenRouter answers 401 "User not found.". */
const keyOf = team => `sk-or-v1-sim_${team}_demo`;

const ok = { ok: true };
const fails = (name, status) => ({ ok: false, name, status });

// openai-node: 400 BadRequestError, 401 AuthenticationError, 403 PermissionDeniedError, 429 RateLimitError, >= 500
// InternalServerError, any other status APIError; an error chunk inside a 200 stream is thrown as APIError, no status.
const openaiSees = {
  healthy: ok,
  'no-credits': fails('APIError', 402),
  'credits-below-request': fails('APIError', 402),
  'key-limit-can-only-afford': fails('APIError', 402),
  'key-limit': fails('PermissionDeniedError', 403),
  'free-models-per-day': fails('RateLimitError', 429),
  'provider-error': fails('InternalServerError', 502),
  'provider-rate-limited': fails('RateLimitError', 429),
  region: fails('PermissionDeniedError', 403),
  'region-provider': fails('PermissionDeniedError', 403),
  'data-policy': fails('NotFoundError', 404),
  // Only a streamed completion breaks (see openaiStreamSees).
  'stream-error': ok,
  outage: fails('InternalServerError', 500),
  firewall: fails('PermissionDeniedError', 403),
  'unknown-key': fails('AuthenticationError', 401),
};
const openaiStreamSees = { ...openaiSees, 'stream-error': fails('APIError', undefined) };

// @openrouter/sdk: one error class per documented status, when the body is JSON; Cloudflare's HTML challenge is no
// documented answer, so the SDK's default error, with the status kept.
const sdkSees = {
  healthy: ok,
  'no-credits': fails('PaymentRequiredResponseError', 402),
  'credits-below-request': fails('PaymentRequiredResponseError', 402),
  'key-limit-can-only-afford': fails('PaymentRequiredResponseError', 402),
  'key-limit': fails('ForbiddenResponseError', 403),
  'free-models-per-day': fails('TooManyRequestsResponseError', 429),
  'provider-error': fails('BadGatewayResponseError', 502),
  'provider-rate-limited': fails('TooManyRequestsResponseError', 429),
  region: fails('ForbiddenResponseError', 403),
  'region-provider': fails('ForbiddenResponseError', 403),
  'data-policy': fails('NotFoundResponseError', 404),
  'stream-error': ok,
  outage: fails('InternalServerResponseError', 500),
  firewall: fails('OpenRouterDefaultError', 403),
  'unknown-key': fails('UnauthorizedResponseError', 401),
};
// A stream's error chunk arrives as a chunk (status 200 was sent): the caller reads its error field.
const sdkStreamSees = { ...sdkSees, 'stream-error': fails('error chunk', 429) };
// The key's own record (GET /key) answers every account but the firewall's and an unknown key.
const sdkKeySees = Object.fromEntries(TEAMS.map(team => [team, ok]));
sdkKeySees.firewall = sdkSees.firewall;
sdkKeySees['unknown-key'] = sdkSees['unknown-key'];

// @openrouter/ai-sdk-provider with ai 7: the AI SDK's APICallError with the status; ai throws it as is (maxRetries 0).
const aiSees = Object.fromEntries(Object.entries(openaiSees).map(([team, seen]) =>
  [team, seen.ok ? ok : fails('AI_APICallError', seen.status)]));
// An error chunk inside the stream: the provider raises the AI SDK's StreamProviderError with the chunk's error.code
// (@openrouter/ai-sdk-provider 3.1.0 passes the chunk's error on as an error part; ai 7.0.173, dist/index.js
// normalizeStreamProviderError, wraps one that is not an Error in StreamProviderError, its status kept).
const aiStreamSees = { ...aiSees, 'stream-error': fails('AI_StreamProviderError', 429) };

const openai = team => new OpenAI({ apiKey: keyOf(team), baseURL: apiBase, maxRetries: 0 });
const sdk = team => new OpenRouter({ apiKey: keyOf(team), serverURL: apiBase, retryConfig: { strategy: 'none' } });
const provider = team => createOpenRouter({ apiKey: keyOf(team), baseURL: apiBase });

const messages = [{ role: 'user', content: PROMPT }];

/** Each client: its name, what it should see per account, and one call that returns what it saw. */
const CLIENTS = [
  {
    client: 'openai chat.completions',
    expected: openaiSees,
    call: async team => {
      const completion = await openai(team).chat.completions.create({ model: CHAT_MODEL, messages, max_tokens: 3 });
      return seen(completion.choices[0].message.content, completion.usage.prompt_tokens, completion.usage.completion_tokens,
        `cost ${completion.usage.cost}`);
    },
  },
  {
    client: 'openai chat.completions stream',
    expected: openaiStreamSees,
    call: async team => {
      const stream = await openai(team).chat.completions.create({ model: CHAT_MODEL, messages, max_tokens: 3, stream: true });
      let text = '';
      let usage;
      for await (const chunk of stream) {
        text += chunk.choices[0]?.delta?.content ?? '';
        usage = chunk.usage ?? usage;
      }
      return seen(text, usage?.prompt_tokens, usage?.completion_tokens, `cost ${usage?.cost}`);
    },
  },
  {
    client: '@openrouter/sdk chat.send',
    expected: sdkSees,
    call: async team => {
      const completion = await sdk(team).chat.send({ chatRequest: { model: CHAT_MODEL, messages, maxTokens: 3, stream: false } });
      return seen(completion.choices[0].message.content, completion.usage?.promptTokens, completion.usage?.completionTokens,
        `cost ${completion.usage?.cost}`);
    },
  },
  {
    client: '@openrouter/sdk chat.send stream',
    expected: sdkStreamSees,
    call: async team => {
      const stream = await sdk(team).chat.send({ chatRequest: { model: CHAT_MODEL, messages, maxTokens: 3, stream: true } });
      let text = '';
      let usage;
      for await (const chunk of stream) {
        if (chunk.error) {
          throw Object.assign(new Error(chunk.error.message), { name: 'error chunk', status: chunk.error.code });
        }
        text += chunk.choices[0]?.delta?.content ?? '';
        usage = chunk.usage ?? usage;
      }
      return seen(text, usage?.promptTokens, usage?.completionTokens, `cost ${usage?.cost}`);
    },
  },
  {
    client: '@openrouter/sdk apiKeys.getCurrentKeyMetadata',
    expected: sdkKeySees,
    call: async team => {
      const { data } = await sdk(team).apiKeys.getCurrentKeyMetadata();
      return `limit ${data.limit}, remaining ${data.limitRemaining}, free tier ${data.isFreeTier}, free model requests left today `
        + `${data.freeModelDailyRequests.remaining} of ${data.freeModelDailyRequests.limit}`;
    },
  },
  {
    client: 'ai 7 generateText (@openrouter/ai-sdk-provider)',
    expected: aiSees,
    call: async team => {
      const result = await generateText({ model: provider(team).chat(CHAT_MODEL), prompt: PROMPT, maxRetries: 0, maxOutputTokens: 3 });
      return seen(result.text, result.usage.inputTokens, result.usage.outputTokens, result.finishReason);
    },
  },
  {
    client: 'ai 7 streamText (@openrouter/ai-sdk-provider)',
    expected: aiStreamSees,
    call: async team => {
      const result = streamText({ model: provider(team).chat(CHAT_MODEL), prompt: PROMPT, maxRetries: 0, maxOutputTokens: 3,
        onError: () => {} });
      let text = '';
      for await (const part of result.fullStream) {
        if (part.type === 'error') {
          throw part.error instanceof Error && part.error.name !== 'Error' ? part.error
            : Object.assign(new Error(JSON.stringify(part.error)), { name: 'error part' });
        }
        if (part.type === 'text-delta') {
          text += part.text;
        }
      }
      const usage = await result.usage;
      return seen(text, usage.inputTokens, usage.outputTokens, await result.finishReason);
    },
  },
];

function seen(text, inputTokens, outputTokens, ...extra) {
  if (!text) {
    throw new Error('the client saw no text');
  }
  return [JSON.stringify(text), `${inputTokens} in / ${outputTokens} out`, ...extra].filter(Boolean).join(', ');
}

/** The error's own name where it sets one, else its class. */
function className(error) {
  return error?.name && error.name !== 'Error' ? error.name : error?.constructor?.name ?? String(error);
}

function statusOf(error) {
  return error?.status ?? error?.statusCode;
}

function firstLine(message) {
  // eslint-disable-next-line no-control-regex
  const line = String(message ?? '').replace(/\u001b\[[0-9;]*m/g, '').split('\n').find(text => text.trim()) ?? '';
  return line.length > 110 ? `${line.slice(0, 107)}...` : line;
}

function describe(outcome) {
  return outcome.ok ? 'success' : `${outcome.name} ${outcome.status ?? '(no status)'}`;
}

const rows = [];
for (const { client, expected, call } of CLIENTS) {
  for (const team of TEAMS) {
    let outcome;
    let detail;
    try {
      detail = await call(team);
      outcome = ok;
    } catch (error) {
      outcome = fails(className(error), statusOf(error));
      detail = firstLine(error?.message);
    }
    const want = expected[team];
    const matches = outcome.ok === want.ok && (want.ok || (outcome.name === want.name && outcome.status === want.status));
    rows.push({ client, team, saw: describe(outcome), detail, matches, want: describe(want) });
  }
}

const width = key => Math.max(...rows.map(row => String(row[key]).length));
const [clientWidth, teamWidth, sawWidth] = [width('client'), width('team'), width('saw')];
for (const row of rows) {
  const verdict = row.matches ? 'ok  ' : 'DIFF';
  const expectation = row.matches ? '' : `   (OpenRouter itself: ${row.want})`;
  console.log(`${verdict} ${row.client.padEnd(clientWidth)}  ${row.team.padEnd(teamWidth)}  ${row.saw.padEnd(sawWidth)}  ${row.detail}${expectation}`);
}
const differences = rows.filter(row => !row.matches).length;
console.log(`${rows.length - differences} passed, ${differences} failed`);
process.exit(differences === 0 ? 0 : 1);
