// The official clients against the standalone simulated gateway: for each client and team, what the client
// saw (the reply and its usage, or the error's class, status and message), checked against what the same client
// sees from the real gateway (its bodies in src/test/resources/captured/, their mapping to error classes in
// https://github.com/vercel/ai/tree/main/packages/gateway/src/errors). Exits 1 on any difference.
//
//   node real-clients.mjs http://127.0.0.1:PORT
import Anthropic from '@anthropic-ai/sdk';
import { createGateway } from '@ai-sdk/gateway';
import { createGateway as createGatewayV3 } from '@ai-sdk/gateway-v3';
import { generateText, streamText } from 'ai';
import { generateText as generateTextV6 } from 'ai-v6';
import { createGateway as createGatewayV2 } from '@ai-sdk/gateway-v2';
import { streamText as streamTextV5 } from 'ai-v5';
import OpenAI from 'openai';

const baseUrl = (process.argv[2] ?? process.env.SIMULATOR_URL ?? '').replace(/\/+$/, '');
if (!/^https?:\/\//.test(baseUrl)) {
  console.error('usage: node real-clients.mjs http://127.0.0.1:PORT   (the standalone simulated gateway)');
  process.exit(2);
}

const TEAMS = ['healthy', 'team-blocked', 'no-card', 'free-restricted', 'no-credits', 'rate-limited', 'quota-exceeded', 'outage',
  'provider-unavailable', 'inference-blocked', 'free-tier', 'byok-free-credits', 'team-restricted', 'region-restricted',
  'free-restricted-paid', 'stream-error', 'messages-refused', 'firewall', 'unknown-key'];
const CHAT_MODEL = 'openai/gpt-4o-mini';
const CLAUDE = 'anthropic/claude-haiku-4.5';
const EMBEDDING_MODEL = 'openai/text-embedding-3-small';
const PROMPT = 'Say pong.';

/** The demo key of a simulated team; "unknown-key" names no team, so its key is unknown to the gateway (401). */
const keyOf = team => `vck_sim_${team}_demo`;

const ok = { ok: true };
const fails = (name, status) => ({ ok: false, name, status });

// What each client raises, per the reference: the OpenAI and Anthropic SDKs pick a class by HTTP status; @ai-sdk/gateway
// by the error type, every type it does not know (access_denied, insufficient_funds, no_providers_available,
// quota_for_entity_exceeded, service_unavailable_error) being
// GatewayInternalServerError with the status kept, and a body that is not its JSON envelope (the firewall's HTML) being
// GatewayResponseError. `ai` throws its own error of that name, without a status, in place of a GatewayAuthenticationError
// (streamText hands the SDK's own one to fullStream, though).
const openaiSees = {
  healthy: ok,
  'team-blocked': fails('PermissionDeniedError', 403),
  'no-card': fails('PermissionDeniedError', 403),
  'free-restricted': fails('PermissionDeniedError', 403),
  'no-credits': fails('APIError', 402),
  'rate-limited': fails('RateLimitError', 429),
  'quota-exceeded': fails('APIError', 402),
  outage: fails('InternalServerError', 503),
  'provider-unavailable': fails('InternalServerError', 503),
  'inference-blocked': fails('PermissionDeniedError', 403),
  // The free tier and the allowlist refuse anthropic/* only; these clients ask for openai/* models.
  'free-tier': ok,
  'byok-free-credits': fails('PermissionDeniedError', 403),
  'team-restricted': ok,
  'region-restricted': fails('PermissionDeniedError', 403),
  'free-restricted-paid': fails('PermissionDeniedError', 403),
  // Only a streamed chat completion breaks (see openaiStreamSees).
  'stream-error': ok,
  // Refused on /v1/messages alone (a guess, see teams.yaml): every other route serves it.
  'messages-refused': ok,
  firewall: fails('PermissionDeniedError', 403),
  'unknown-key': fails('AuthenticationError', 401),
};
// An error chunk inside a 200 stream: the SDK throws APIError from the chunk's error, with no status.
const openaiStreamSees = { ...openaiSees, 'stream-error': fails('APIError', undefined) };
const anthropicSees = {
  ...openaiSees,
  'no-credits': fails('PaymentRequiredError', 402),
  'quota-exceeded': fails('PaymentRequiredError', 402),
  outage: fails('ServiceUnavailableError', 503),
  'provider-unavailable': fails('ServiceUnavailableError', 503),
  'free-tier': fails('PermissionDeniedError', 403),
  'team-restricted': fails('PermissionDeniedError', 403),
  'messages-refused': fails('PermissionDeniedError', 403),
};
const gatewaySees = {
  healthy: ok,
  'messages-refused': ok,
  'team-blocked': fails('GatewayInternalServerError', 403),
  'no-card': fails('GatewayInternalServerError', 403),
  // no_providers_available is not a type the SDK knows (C2): GatewayInternalServerError, status 403.
  'free-restricted': fails('GatewayInternalServerError', 403),
  'no-credits': fails('GatewayInternalServerError', 402),
  'rate-limited': fails('GatewayRateLimitError', 429),
  'quota-exceeded': fails('GatewayInternalServerError', 402),
  outage: fails('GatewayInternalServerError', 503),
  'provider-unavailable': fails('GatewayInternalServerError', 503),
  'inference-blocked': fails('GatewayInternalServerError', 403),
  'free-tier': fails('GatewayInternalServerError', 403),
  'byok-free-credits': fails('GatewayInternalServerError', 403),
  // type forbidden is the one policy refusal the SDK knows.
  'team-restricted': fails('GatewayForbiddenError', 403),
  'region-restricted': fails('GatewayInternalServerError', 403),
  'free-restricted-paid': fails('GatewayInternalServerError', 403),
  'stream-error': ok,
  firewall: fails('GatewayResponseError', 403),
  'unknown-key': fails('GatewayAuthenticationError', 401),
};
const aiGenerateClaudeSees = { ...gatewaySees, 'unknown-key': fails('GatewayAuthenticationError', undefined) };
// The same for a request to openai/*, which the free tier and the allowlist serve.
const aiGenerateSees = { ...aiGenerateClaudeSees, 'free-tier': ok, 'team-restricted': ok };
// ai 5 with @ai-sdk/gateway 2.x streams openai/*: the free tier and the allowlist serve it, as for aiGenerateSees.
const aiStreamV5Sees = { ...gatewaySees, 'free-tier': ok, 'team-restricted': ok };
// Only a blocked team (and the firewall in front of every route) is refused its model list and its balance.
const gatewayAccountSees = {
  ...gatewaySees,
  'no-card': ok,
  'free-restricted': ok,
  'no-credits': ok,
  'rate-limited': ok,
  'quota-exceeded': ok,
  outage: ok,
  'provider-unavailable': ok,
  'inference-blocked': ok,
  'free-tier': ok,
  'byok-free-credits': ok,
  'team-restricted': ok,
  'region-restricted': ok,
  'free-restricted-paid': ok,
  'stream-error': ok,
};

const openai = team => new OpenAI({ apiKey: keyOf(team), baseURL: `${baseUrl}/v1`, maxRetries: 0 });
const anthropic = team => new Anthropic({ apiKey: keyOf(team), baseURL: baseUrl, maxRetries: 0 });
const gateway = team => createGateway({ apiKey: keyOf(team), baseURL: `${baseUrl}/v4/ai` });
const gatewayV2 = team => createGatewayV2({ apiKey: keyOf(team), baseURL: `${baseUrl}/v1/ai` });
const gatewayV3 = team => createGatewayV3({ apiKey: keyOf(team), baseURL: `${baseUrl}/v3/ai` });

/** Each client: its name, what it should see per team, and one call that returns what it saw. */
const CLIENTS = [
  {
    client: 'openai chat.completions',
    expected: openaiSees,
    call: async team => {
      const completion = await openai(team).chat.completions.create({
        model: CHAT_MODEL, messages: [{ role: 'user', content: PROMPT }],
      });
      return seen(completion.choices[0].message.content, completion.usage.prompt_tokens, completion.usage.completion_tokens);
    },
  },
  {
    client: 'openai chat.completions stream',
    expected: openaiStreamSees,
    call: async team => {
      const stream = await openai(team).chat.completions.create({
        model: CHAT_MODEL, messages: [{ role: 'user', content: PROMPT }], stream: true,
      });
      let text = '';
      let usage;
      for await (const chunk of stream) {
        text += chunk.choices[0]?.delta?.content ?? '';
        usage = chunk.usage ?? usage;
      }
      return seen(text, usage?.prompt_tokens, usage?.completion_tokens);
    },
  },
  {
    client: 'openai embeddings',
    expected: openaiSees,
    call: async team => {
      const embeddings = await openai(team).embeddings.create({ model: EMBEDDING_MODEL, input: [PROMPT, 'pong'] });
      const lengths = embeddings.data.map(item => item.embedding.length).join('+');
      return seen(`${embeddings.data.length} vectors of ${lengths}`, embeddings.usage.prompt_tokens, 0);
    },
  },
  {
    client: 'openai responses.create',
    expected: openaiSees,
    call: async team => {
      const response = await openai(team).responses.create({ model: CHAT_MODEL, input: PROMPT, max_output_tokens: 16 });
      return seen(response.output_text, response.usage.input_tokens, response.usage.output_tokens, response.status);
    },
  },
  {
    client: 'openai responses.create stream',
    expected: openaiSees,
    call: async team => {
      const stream = await openai(team).responses.create({ model: CHAT_MODEL, input: PROMPT, max_output_tokens: 16, stream: true });
      let text = '';
      let completed;
      for await (const event of stream) {
        if (event.type === 'response.output_text.delta') {
          text += event.delta;
        }
        if (event.type === 'response.completed') {
          completed = event.response;
        }
      }
      if (!completed) {
        throw new Error('the stream ended without response.completed');
      }
      return seen(text, completed.usage.input_tokens, completed.usage.output_tokens, completed.status);
    },
  },
  {
    client: 'anthropic messages',
    expected: anthropicSees,
    call: async team => {
      const message = await anthropic(team).messages.create({
        model: CLAUDE, max_tokens: 64, messages: [{ role: 'user', content: PROMPT }],
      });
      return seen(message.content.map(block => block.text).join(''), message.usage.input_tokens, message.usage.output_tokens,
        message.stop_reason);
    },
  },
  {
    client: 'anthropic messages stream',
    expected: anthropicSees,
    call: async team => {
      const stream = anthropic(team).messages.stream({
        model: CLAUDE, max_tokens: 3, messages: [{ role: 'user', content: PROMPT }],
      });
      let text = '';
      stream.on('text', delta => { text += delta; });
      const message = await stream.finalMessage();
      if (message.content[0]?.text !== text) {
        throw new Error(`the text events (${JSON.stringify(text)}) differ from the final message`);
      }
      return seen(text, message.usage.input_tokens, message.usage.output_tokens, message.stop_reason);
    },
  },
  {
    client: 'ai 7 generateText (gateway 4, /v4/ai)',
    expected: aiGenerateSees,
    call: async team => {
      const result = await generateText({ model: gateway(team)(CHAT_MODEL), prompt: PROMPT, maxRetries: 0 });
      const info = await gateway(team).getGenerationInfo({ id: result.providerMetadata.gateway.generationId });
      return seen(result.text, result.usage.inputTokens, result.usage.outputTokens, result.finishReason,
        `getGenerationInfo: $${info.totalCost}, ${info.promptTokens}+${info.completionTokens} tokens`);
    },
  },
  {
    client: 'ai 7 streamText (gateway 4, /v4/ai)',
    expected: gatewaySees,
    call: async team => {
      return streamed(streamText({
        model: gateway(team)(CLAUDE), prompt: PROMPT, maxRetries: 0, maxOutputTokens: 3, onError: () => {},
      }));
    },
  },
  {
    client: 'ai 5 streamText (gateway 2, /v1/ai)',
    expected: aiStreamV5Sees,
    call: async team => {
      return streamed(streamTextV5({
        model: gatewayV2(team)(CHAT_MODEL), prompt: PROMPT, maxRetries: 0, maxOutputTokens: 3, onError: () => {},
      }));
    },
  },
  {
    client: 'ai 6 generateText (gateway 3, /v3/ai)',
    expected: aiGenerateClaudeSees,
    call: async team => {
      const result = await generateTextV6({ model: gatewayV3(team)(CLAUDE), prompt: PROMPT, maxRetries: 0 });
      return seen(result.text, result.usage.inputTokens, result.usage.outputTokens, result.finishReason);
    },
  },
  {
    client: 'gateway 4 getAvailableModels',
    expected: gatewayAccountSees,
    call: async team => {
      const { models } = await gateway(team).getAvailableModels();
      return `${models.length} models, ${models.filter(model => model.pricing).length} priced`;
    },
  },
  {
    client: 'gateway 3 getAvailableModels',
    expected: gatewayAccountSees,
    call: async team => {
      const { models } = await gatewayV3(team).getAvailableModels();
      return `${models.length} models, ${models.filter(model => model.pricing).length} priced`;
    },
  },
  {
    client: 'gateway 4 getCredits',
    expected: gatewayAccountSees,
    call: async team => {
      const credits = await gateway(team).getCredits();
      return `balance ${credits.balance}, used ${credits.totalUsed}`;
    },
  },
];

/** What a streamText result delivered: its text deltas and usage, or the error part it carried, thrown. */
async function streamed(result) {
  let text = '';
  for await (const part of result.fullStream) {
    if (part.type === 'error') {
      throw part.error;
    }
    if (part.type === 'text-delta') {
      text += part.text;
    }
  }
  const usage = await result.usage;
  return seen(text, usage.inputTokens, usage.outputTokens, await result.finishReason);
}

function seen(text, inputTokens, outputTokens, stop, extra) {
  if (!text) {
    throw new Error('the client saw no text');
  }
  return [JSON.stringify(text), `${inputTokens} in / ${outputTokens} out`, stop, extra].filter(Boolean).join(', ');
}

/** The error's own name where it sets one (Anthropic's, the gateway's: bundlers rename classes), else its class. */
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

const width = (key, extra = 0) => Math.max(...rows.map(row => String(row[key]).length)) + extra;
const [clientWidth, teamWidth, sawWidth] = [width('client'), width('team'), width('saw')];
for (const row of rows) {
  const verdict = row.matches ? 'ok  ' : 'DIFF';
  const expectation = row.matches ? '' : `   (the real gateway: ${row.want})`;
  console.log(`${verdict} ${row.client.padEnd(clientWidth)}  ${row.team.padEnd(teamWidth)}  ${row.saw.padEnd(sawWidth)}  ${row.detail}${expectation}`);
}
const differences = rows.filter(row => !row.matches).length;
console.log(`${rows.length - differences} passed, ${differences} failed`);
process.exit(differences === 0 ? 0 : 1);
