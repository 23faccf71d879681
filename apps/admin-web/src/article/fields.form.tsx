import { Group, TextInput } from '@mantine/core';
import { ARTICLE_LIMITS as L, type PhotoView } from '@newsroom/contracts';
import { CountedInput } from '../components/counted-input';
import { fromLocalInput, toLocalInput } from '../components/instant';
import { ListInput } from '../components/list-input';
import { BodyBlocksEditor } from './body-blocks.editor';
import type { FieldsDraft } from './fields-draft';
import type { FieldErrors } from './refusal.sentence';

interface Props {
  draft: FieldsDraft;
  photos: PhotoView[];
  readOnly: boolean;
  errors: FieldErrors;
  /** Changes whenever the draft is replaced from outside, so inputs that keep their own text start again. */
  revision: number;
  edit(patch: Partial<FieldsDraft>): void;
}

/** Every draft field of the content model, each marked with what the server said about it. */
export function FieldsForm({ draft, photos, readOnly, errors, revision, edit }: Props) {
  return (
    <>
      <CountedInput
        label="Headline"
        value={draft.headline}
        max={L.headlineMaxLength}
        readOnly={readOnly}
        error={errors.headline}
        onChange={(headline) => edit({ headline })}
      />
      <CountedInput
        label="Standfirst"
        multiline
        value={draft.standfirst}
        max={L.standfirstMaxLength}
        readOnly={readOnly}
        error={errors.standfirst}
        onChange={(standfirst) => edit({ standfirst })}
      />
      <CountedInput
        label="Dateline"
        value={draft.dateline}
        max={L.datelineMaxLength}
        readOnly={readOnly}
        error={errors.dateline}
        onChange={(dateline) => edit({ dateline })}
      />
      <Group grow align="start" key={`lists-${revision}`}>
        <ListInput
          label="Sections"
          values={draft.sections}
          maxCount={L.sectionsMaxCount}
          readOnly={readOnly}
          error={errors.sections}
          onChange={(sections) => edit({ sections })}
        />
        <ListInput
          label="Tags"
          values={draft.tags}
          maxCount={L.tagsMaxCount}
          readOnly={readOnly}
          error={errors.tags}
          onChange={(tags) => edit({ tags })}
        />
      </Group>
      <Group grow align="start">
        <TextInput
          label="Language"
          description="A language tag such as en or en-GB"
          value={draft.language}
          readOnly={readOnly}
          error={errors.language}
          onChange={(e) => edit({ language: e.currentTarget.value })}
        />
        <CountedInput
          label="Source"
          value={draft.source}
          max={L.sourceMaxLength}
          readOnly={readOnly}
          error={errors.source}
          onChange={(source) => edit({ source })}
        />
        <TextInput
          label="Embargo until (your local time)"
          type="datetime-local"
          readOnly={readOnly}
          value={toLocalInput(draft.embargoUntil)}
          error={errors.embargoUntil}
          onChange={(e) => edit({ embargoUntil: fromLocalInput(e.currentTarget.value) })}
        />
      </Group>
      <BodyBlocksEditor
        blocks={draft.body}
        photos={photos}
        readOnly={readOnly}
        errors={errors}
        onChange={(body) => edit({ body })}
      />
    </>
  );
}
