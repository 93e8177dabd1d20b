// Least privilege, proven: every AWS call a function made during ./test (recorded by the local
// runner's AwsCallLog) is evaluated against that function's role in template.yaml, expanded by
// scripts/check-policies.py dump, with a real IAM policy evaluator (@cloud-copilot/iam-simulate,
// which evaluates conditions such as dynamodb:LeadingKeys and dynamodb:Attributes as IAM does).
// Fails on any call the role denies, and on any granted action of a statement that no recorded call
// used, unless UNUSED_BY_DESIGN says why no test here can make it.
// Usage: node tests/iam/evaluate.mjs POLICIES.json CALLS-FOLDER [--role-without ROLE ACTION]
//   --role-without drops one action from one role's policy first: the check must then fail (the
//   mutation ./test runs after the real evaluation, so the evaluation is seen to be able to fail).
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ACCOUNT = '123456789012'; // moto's account; check-policies.py dump writes the same

// A granted action no test can make, each with why. Key: "Role action".
export const UNUSED_BY_DESIGN = {
  'NotifyFunctionRole dynamodb:ListStreams':
    "Lambda's event source mapping lists the table's streams when it is created; the local poller is given the stream's ARN from the template",
  'NotifyFunctionRole social-messaging:SendWhatsAppMessage':
    'SocialMessagingWhatsApp signs its own HTTP request (the SDK has no client for End User Messaging Social here), so no SDK interceptor sees the call; its stand-in checks the request instead',
};

export function readCalls(folder) {
  const seen = new Map();
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.jsonl'))) {
    for (const line of readFileSync(join(folder, name), 'utf8').split('\n')) {
      if (line.trim()) {
        const call = JSON.parse(line);
        seen.set(JSON.stringify([call.function, call.action, call.resource, call.context]), call);
      }
    }
  }
  return [...seen.values()];
}

function statementsOf(documents) {
  const out = [];
  for (const { name, document } of documents) {
    document.Statement.forEach((statement, index) => out.push({ where: `${name}#${index}`, statement }));
  }
  return out;
}

function actionsOf(statement) {
  return [statement.Action].flat();
}

async function allows(documents, call, role) {
  const result = await runSimulation(
    {
      identityPolicies: documents.map(({ name, document }) => ({ name, policy: document })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      request: {
        action: call.action,
        principal: `arn:aws:sts::${ACCOUNT}:assumed-role/${role}/${call.function}`,
        resource: { resource: call.resource, accountId: ACCOUNT },
        contextVariables: call.context ?? {},
      },
    },
    {},
  );
  if (result.resultType === 'error') {
    throw new Error(`iam-simulate refused ${JSON.stringify(call)}: ${JSON.stringify(result.errors)}`);
  }
  return result.overallResult === 'Allowed';
}

/** The findings: denied calls, unused grants, calls of a function with no role. */
export async function evaluate(roles, calls) {
  const findings = [];
  const used = new Set();
  for (const call of calls) {
    const role = `${call.function}Role`;
    const documents = roles[role];
    if (!documents) {
      findings.push(`no role ${role} in template.yaml for ${call.function}'s ${call.action}`);
      continue;
    }
    if (!(await allows(documents, call, role))) {
      findings.push(`DENIED ${call.function}: ${call.action} on ${call.resource} ${JSON.stringify(call.context)}`);
      continue;
    }
    for (const { where, statement } of statementsOf(documents)) {
      if (statement.Effect === 'Allow' && actionsOf(statement).includes(call.action)) {
        const one = [{ name: where, document: { Version: '2012-10-17', Statement: [statement] } }];
        if (await allows(one, call, role)) {
          used.add(`${role} ${where} ${call.action}`);
        }
      }
    }
  }
  const called = new Set(calls.map((c) => `${c.function}Role`));
  for (const [role, documents] of Object.entries(roles)) {
    if (!called.has(role)) {
      findings.push(`${role}: no recorded call at all (did its tests run with MUSTAFEED_AWS_CALL_LOG?)`);
      continue;
    }
    for (const { where, statement } of statementsOf(documents)) {
      for (const action of actionsOf(statement)) {
        if (!used.has(`${role} ${where} ${action}`) && !UNUSED_BY_DESIGN[`${role} ${action}`]) {
          findings.push(`UNUSED ${role} ${where}: ${action} on ${JSON.stringify(statement.Resource)} allowed no recorded call`);
        }
      }
    }
  }
  return findings;
}

/** A copy of the roles with one action taken out of one role's every statement. */
export function without(roles, role, action) {
  const copy = structuredClone(roles);
  if (!copy[role]) {
    throw new Error(`no role ${role}`);
  }
  for (const { document } of copy[role]) {
    for (const statement of document.Statement) {
      statement.Action = actionsOf(statement).filter((a) => a !== action);
    }
    document.Statement = document.Statement.filter((s) => s.Action.length > 0);
  }
  return copy;
}

async function main() {
  const [policies, folder, flag, role, action] = process.argv.slice(2);
  if (!policies || !folder) {
    console.error('usage: node tests/iam/evaluate.mjs POLICIES.json CALLS-FOLDER [--role-without ROLE ACTION]');
    process.exit(2);
  }
  let roles = JSON.parse(readFileSync(policies, 'utf8'));
  const calls = readCalls(folder);
  if (flag === '--role-without') {
    roles = without(roles, role, action);
  }
  const findings = await evaluate(roles, calls);
  for (const finding of findings) {
    console.log(finding);
  }
  for (const [key, why] of Object.entries(UNUSED_BY_DESIGN)) {
    console.log(`unused by design: ${key} (${why})`);
  }
  const functions = new Set(calls.map((c) => c.function)).size;
  console.log(
    `iam-simulate: ${calls.length} distinct calls of ${functions} functions against ${Object.keys(roles).length} roles, ${findings.length} findings`,
  );
  process.exit(findings.length ? 1 : 0);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
}
