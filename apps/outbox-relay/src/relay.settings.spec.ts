import { parseEnv } from '@newsroom/settings';
import { relaySettings } from './relay.settings';

describe("the relay's settings", () => {
  it('keeps /metrics and /health private to the machine unless told otherwise', () => {
    expect(relaySettings(parseEnv({}), {}).metricsHost).toBe('127.0.0.1');
  });

  it('listens where RELAY_METRICS_HOST says, for a scraper on another host', () => {
    expect(relaySettings(parseEnv({}), { RELAY_METRICS_HOST: '0.0.0.0' }).metricsHost).toBe('0.0.0.0');
  });

  it('refuses a host that is no name or address, naming the variable', () => {
    expect(() => relaySettings(parseEnv({}), { RELAY_METRICS_HOST: 'a host' })).toThrow(/RELAY_METRICS_HOST/);
  });
});
