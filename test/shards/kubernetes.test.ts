// Kubernetes builds the site in shards with the commands the README documents for one machine: an
// Indexed Job whose pods each build the shard their completion index names, and a Job for the hub, all
// on one shared volume.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { expectReadmeCommands } from './ci-commands.ts';

interface Container {
  command: string[];
  workingDir: string;
  volumeMounts: { name: string; mountPath: string }[];
}
interface Manifest {
  kind: string;
  metadata: { name: string };
  spec: {
    completionMode?: string;
    completions?: number;
    accessModes?: string[];
    template: { spec: { containers: Container[]; volumes: { name: string; persistentVolumeClaim: { claimName: string } }[] } };
  };
}

const read = (file: string) => parseAllDocuments(readFileSync(`kubernetes/${file}`, 'utf8')).map((d) => d.toJS() as Manifest);
const [volume] = read('volume.yaml');
const [prepare] = read('prepare-job.yaml');
const [shards] = read('shards-job.yaml');
const [hub] = read('hub-job.yaml');
const jobs = [prepare!, shards!, hub!];
/** A container's shell command, split into the commands it runs one after another. */
const commandsOf = (job: Manifest) => {
  const command = job.spec.template.spec.containers[0]!.command;
  expect(command.slice(0, 2)).toEqual(['sh', '-c']);
  return command[2]!.split(' && ');
};

describe('kubernetes/', () => {
  test('every job works in the project on one volume that many pods can write at once', () => {
    expect(volume!.kind).toBe('PersistentVolumeClaim');
    expect(volume!.spec.accessModes).toContain('ReadWriteMany');
    for (const job of jobs) {
      expect(job.kind).toBe('Job');
      const { containers, volumes } = job.spec.template.spec;
      expect(volumes).toEqual([{ name: 'work', persistentVolumeClaim: { claimName: volume!.metadata.name } }]);
      expect(containers[0]!.volumeMounts).toEqual([{ name: 'work', mountPath: '/work' }]);
      expect(containers[0]!.workingDir).toBe('/work/nianbao');
    }
  });

  test('the prepare job installs the packages once and lists the shards', () => {
    expect(commandsOf(prepare!)).toEqual(['npm ci', 'npm run build:plan']);
  });

  test('each pod of an Indexed Job builds the shard its completion index names', () => {
    expect(shards!.spec.completionMode).toBe('Indexed');
    expect(commandsOf(shards!)).toEqual(['npm run build:shard -- --index "$JOB_COMPLETION_INDEX"']);
  });

  test('the hub job builds the hub', () => {
    expect(commandsOf(hub!)).toEqual(['npm run build:hub']);
  });

  test('runs npm ci and the commands the README documents', () => {
    expectReadmeCommands(jobs.flatMap(commandsOf), { '"$JOB_COMPLETION_INDEX"': 'N' });
  });
});
