import type { ReviseArticle } from '@newsroom/editorial-domain';
import { ArticleFieldsDto } from '../shared/article-fields.dto';
import { RequestOf } from '../shared/request-of';

export class ReviseArticleRequestDto
  extends ArticleFieldsDto
  implements RequestOf<ReviseArticle, never, ReviseArticleRequestDto> {}
