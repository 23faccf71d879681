import { Alert, Button, Code, List, Progress, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { sessionStore } from '../auth/session';

interface Problem {
  streamId: string | null;
  version: number;
  reason: string;
  expected?: string;
  found?: string;
}
type Line =
  | { kind: 'checkpoint'; checkpoint: { treeSize: number; rootHash: string; problem?: string } | null }
  | { kind: 'progress'; phase: 'log' | 'chains' | 'unlogged'; checked: number; total: number }
  | { kind: 'problem'; problem: Problem }
  | { kind: 'done'; valid: boolean; problems: number; firstBroken: Problem | null };

const PHASES = { log: 'The log against the store', chains: 'Every hash chain', unlogged: 'Events outside the log' };
const where = (p: Problem) =>
  p.streamId ? `${p.streamId.replace(/^article-/, 'article ')}, version ${p.version}` : 'the log itself';

/** Reads GET /api/audit/integrity line by line as it streams, so the progress shows while it runs. */
async function* readLines(): AsyncGenerator<Line> {
  const res = await fetch('/api/audit/integrity', {
    headers: { authorization: `Bearer ${sessionStore.get()?.accessToken ?? ''}` },
  });
  if (!res.ok || !res.body) throw new Error(`The server answered ${res.status}.`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let rest = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    rest += value;
    const lines = rest.split('\n');
    rest = lines.pop() ?? '';
    for (const l of lines) if (l.trim()) yield JSON.parse(l) as Line;
  }
  if (rest.trim()) yield JSON.parse(rest) as Line;
}

/** The integrity check for everything: every stream and the whole signed log, with live progress and the verdict. */
export function WholeLogPanel() {
  const [running, setRunning] = useState(false);
  const [checkpoint, setCheckpoint] = useState<Extract<Line, { kind: 'checkpoint' }>['checkpoint']>(null);
  const [progress, setProgress] = useState<Extract<Line, { kind: 'progress' }> | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [done, setDone] = useState<Extract<Line, { kind: 'done' }> | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function run() {
    setRunning(true);
    setProgress(null);
    setProblems([]);
    setDone(null);
    setFailure(null);
    try {
      for await (const line of readLines()) {
        if (line.kind === 'checkpoint') setCheckpoint(line.checkpoint);
        else if (line.kind === 'progress') setProgress(line);
        else if (line.kind === 'problem') setProblems((ps) => (ps.length < 10 ? [...ps, line.problem] : ps));
        else setDone(line);
      }
    } catch (err) {
      setFailure((err as Error).message);
    } finally {
      setRunning(false);
    }
  }

  const percent = progress && progress.total > 0 ? Math.round((progress.checked / progress.total) * 100) : 0;
  return (
    <section aria-labelledby="whole-log-check">
      <Stack gap="sm">
        <Title order={2} size="h4" id="whole-log-check">
          Integrity of everything
        </Title>
        <div>
          <Button variant="default" loading={running} onClick={() => void run()}>
            Check every article and the whole log
          </Button>
        </div>
        {running && progress && (
          <div role="status">
            <Text size="sm">
              {PHASES[progress.phase]}: {progress.checked.toLocaleString('en')} of {progress.total.toLocaleString('en')}
            </Text>
            <Progress value={percent} aria-label={`${PHASES[progress.phase]}: ${percent}% checked`} size="sm" />
          </div>
        )}
        {failure && (
          <Alert color="red" title="The check could not be run to its end">
            {failure} Nothing was concluded; run it again.
          </Alert>
        )}
        {done?.valid && (
          <Alert color="green" role="status" title="Pass: everything holds">
            <Text size="sm">
              Every event the signed checkpoint {checkpoint?.treeSize} covers is the one the log recorded, the stored
              log folds to its signed root, every article&apos;s chain holds, and every event is in the log or waiting
              for it.
            </Text>
          </Alert>
        )}
        {done && !done.valid && (
          <Alert
            color="red"
            role="alert"
            title={`Fail: ${done.problems} problem${done.problems === 1 ? '' : 's'} found`}
          >
            {done.firstBroken && (
              <>
                <Text size="sm">First broken: {where(done.firstBroken)}.</Text>
                <Text size="sm">Why: {done.firstBroken.reason}.</Text>
                {done.firstBroken.expected && (
                  <Text size="sm">
                    Expected: <Code>{done.firstBroken.expected}</Code>
                  </Text>
                )}
                {done.firstBroken.found && (
                  <Text size="sm">
                    Found: <Code>{done.firstBroken.found}</Code>
                  </Text>
                )}
              </>
            )}
            {problems.length > 1 && (
              <List size="sm" mt="xs" aria-label="The first problems found">
                {problems.map((p, i) => (
                  <List.Item key={i}>
                    {where(p)}: {p.reason}
                  </List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
        <List size="sm" spacing={4} aria-label="What a pass of everything proves, and what it does not">
          <List.Item>
            Proves: against the latest signed checkpoint, no event was edited, swapped, deleted, inserted or rewritten
            with recomputed hashes in any article, and the log&apos;s own tables were not altered to match.
          </List.Item>
          <List.Item>
            Does not prove: anything about events newer than that checkpoint, nor that this server shows everyone the
            same checkpoint. For that, compare it with a checkpoint you kept and verify a bundle offline.
          </List.Item>
        </List>
      </Stack>
    </section>
  );
}
