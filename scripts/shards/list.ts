// npm run build:plan: the shards of content/, one name a line (--json: a JSON array). Under GitHub
// Actions it also sets the step output `shards`, which the workflow's matrix reads.
//   --content DIR      reports as published (default content)
//   --gitlab-ci FILE   also write the GitLab CI child pipeline that builds them (gitlab-pipeline.ts)
import { appendFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gitlabPipeline } from './gitlab-pipeline.ts';
import { planShards } from './plan.ts';

const { values: opts } = parseArgs({
  options: { content: { type: 'string', default: 'content' }, json: { type: 'boolean', default: false }, 'gitlab-ci': { type: 'string' } },
});
const shards = await planShards(resolve(opts.content));
const names = shards.map((s) => s.name);
console.log(opts.json ? JSON.stringify(names) : shards.map((s) => `${s.name}\t${s.inputs.length} file(s)`).join('\n'));
if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `shards=${JSON.stringify(names)}\n`);
if (opts['gitlab-ci']) writeFileSync(opts['gitlab-ci'], gitlabPipeline(names));
