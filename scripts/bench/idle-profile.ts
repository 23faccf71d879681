import { ChaosSystem } from '../chaos/chaos-system';
import { launchSystem } from './system-drive';

/** Starts npm start's processes and leaves them idle for IDLE_SECONDS: run with CHAOS_NODE_ARGS=--cpu-prof. */
async function main() {
  const sys = await ChaosSystem.start(3900);
  try {
    await launchSystem(sys);
    process.stdout.write(`launched; idle from ${Date.now()}\n`);
    await new Promise((r) => setTimeout(r, Number(process.env.IDLE_SECONDS ?? 30) * 1000));
  } finally {
    await sys.close();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
