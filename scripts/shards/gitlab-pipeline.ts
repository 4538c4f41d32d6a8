// The child pipeline of a build in shards on GitLab CI (.gitlab-ci.yml). GitLab's parallel:matrix is
// written in the pipeline file, not computed when it runs, so `npm run build:plan -- --gitlab-ci FILE`
// writes one for the shards of content/: a matrix of .gitlab/shards.yml's `.shard` job over their
// names, and its `.site` job after them all.
import { stringify } from 'yaml';

/** The jobs the generated pipeline runs, in the repository. */
const GITLAB_JOBS = '.gitlab/shards.yml';
/** GitLab runs at most 200 jobs of one parallel:matrix; more shards take more matrix jobs. */
const MATRIX_MAX = 200;

export function gitlabPipeline(shards: string[]): string {
  const groups = Array.from({ length: Math.ceil(shards.length / MATRIX_MAX) }, (_, i) => shards.slice(i * MATRIX_MAX, (i + 1) * MATRIX_MAX));
  const jobs = groups.map(
    (names, i) => [groups.length === 1 ? 'shard' : `shard-${i + 1}`, { extends: '.shard', parallel: { matrix: [{ SHARD: names }] } }] as const,
  );
  const pipeline = {
    include: [{ local: GITLAB_JOBS }],
    ...Object.fromEntries(jobs),
    // needs: a matrix job's name stands for every job of its matrix, and brings their artifacts.
    site: { extends: '.site', needs: jobs.map(([name]) => name) },
  };
  return `# Written by npm run build:plan -- --gitlab-ci: the shards of content/, built by ${GITLAB_JOBS}.\n${stringify(pipeline)}`;
}
