import { Fieldset, List, Text } from '@mantine/core';
import type { ArticleView } from '@newsroom/contracts';

/** Contributors and photos as the article holds them; editing them is a TODO of #8. */
export function PeoplePanel({ article }: { article: ArticleView }) {
  const { contributors, photos } = article.working;
  return (
    <>
      <Fieldset legend={`Contributors (${contributors.length})`}>
        {contributors.length === 0 ? (
          <Text size="sm">None yet.</Text>
        ) : (
          <List>
            {contributors.map((c) => (
              <List.Item key={c.contributorId}>
                {c.name} · {c.role}
                {c.affiliation ? ` · ${c.affiliation}` : ''}
              </List.Item>
            ))}
          </List>
        )}
      </Fieldset>
      <Fieldset legend={`Photos (${photos.length})`}>
        {photos.length === 0 ? (
          <Text size="sm">None yet.</Text>
        ) : (
          <List>
            {photos.map((p) => (
              <List.Item key={p.photoId}>
                {p.caption} · {p.credit} · {p.url}
              </List.Item>
            ))}
          </List>
        )}
      </Fieldset>
    </>
  );
}
