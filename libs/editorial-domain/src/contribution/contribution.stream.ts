/** The one place that knows how a contribution's event stream is named: `contribution-<uuid>`. */
export const CONTRIBUTION_STREAM_TYPE = 'contribution';

export const contributionStreamId = (contributionId: string): string => `${CONTRIBUTION_STREAM_TYPE}-${contributionId}`;
