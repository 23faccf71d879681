import { Badge, Group } from '@mantine/core';
import type { ArticleListItem } from '@newsroom/contracts';
import { Link } from '@tanstack/react-router';
import { formatMoment } from '../components/format';
import { OpenContributionsBadge } from '../contributions/open-contributions.badge';
import { formatUtc } from '../history/utc-time';
import classes from './article-card.module.css';

/** A moment as the card words it, machine-readable, with the full UTC instant on hover. */
function Moment({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatUtc(iso)}>
      {formatMoment(iso)}
    </time>
  );
}

export function ArticleCard({ item }: { item: ArticleListItem }) {
  const embargoed = item.embargoUntil !== null && Date.parse(item.embargoUntil) > Date.now();
  return (
    <article className={classes.card} aria-label={item.headline}>
      <Link to="/articles/$id" params={{ id: item.id }} className={classes.headline}>
        {item.headline}
      </Link>
      {item.sections.length > 0 && (
        <div className={classes.badges} aria-label="Sections">
          {item.sections.map((s) => (
            <span key={s} className={classes.section}>
              {s}
            </span>
          ))}
        </div>
      )}
      {item.contributors.length > 0 && <p className={classes.byline}>By {item.contributors.join(', ')}</p>}
      <p className={classes.meta}>
        Version {item.version} · changed <Moment iso={item.updatedAt} />
        {item.updatedBy && ` by ${item.updatedBy.name}`}
        {item.publishedAt && (
          <>
            {' · published '}
            <Moment iso={item.publishedAt} />
          </>
        )}
      </p>
      <OpenContributionsBadge item={item} />
      {(embargoed || item.publishAt) && (
        <Group gap={4}>
          {embargoed && (
            <Badge color="red" variant="outline">
              Embargo until {formatMoment(item.embargoUntil!)}
            </Badge>
          )}
          {item.publishAt && (
            <Badge color="grape" variant="outline">
              Scheduled for {formatMoment(item.publishAt)}
            </Badge>
          )}
        </Group>
      )}
    </article>
  );
}
