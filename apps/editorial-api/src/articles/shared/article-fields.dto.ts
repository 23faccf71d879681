import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ARTICLE_LIMITS as L, BODY_BLOCK_TYPES, type BodyBlock, type DraftFields } from '@newsroom/editorial-domain';
import { IsInstant } from '../../common/instant';

/** One body block; the decider checks the per-type rules (text required, photo attached). */
export class BodyBlockDto {
  @ApiProperty({ enum: BODY_BLOCK_TYPES })
  @IsIn(BODY_BLOCK_TYPES)
  type: (typeof BODY_BLOCK_TYPES)[number];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(L.bodyMaxBytes)
  text?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(300)
  attribution?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  photoId?: string;
}

/** The editable fields of an article, all optional: ReviseArticle sends only what changed. */
export class ArticleFieldsDto implements Partial<DraftFields> {
  @ApiPropertyOptional({ maxLength: L.headlineMaxLength })
  @IsOptional()
  @IsString()
  @MaxLength(L.headlineMaxLength)
  headline?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(L.standfirstMaxLength)
  standfirst?: string;

  @ApiPropertyOptional({ example: 'LONDON' })
  @IsOptional()
  @IsString()
  @MaxLength(L.datelineMaxLength)
  dateline?: string;

  @ApiPropertyOptional({ type: [BodyBlockDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.bodyMaxBlocks)
  @ValidateNested({ each: true })
  @Type(() => BodyBlockDto)
  // Typed as the domain's blocks it becomes: the decider checks each block against its kind and refuses the rest.
  body?: BodyBlock[];

  @ApiPropertyOptional({ example: ['Politics', 'U.S.'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.sectionsMaxCount)
  @IsString({ each: true })
  @MaxLength(L.sectionMaxLength, { each: true })
  sections?: string[];

  @ApiPropertyOptional({ example: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.tagsMaxCount)
  @IsString({ each: true })
  @MaxLength(L.tagMaxLength, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ example: 'en' })
  @IsOptional()
  @IsString()
  @MaxLength(35)
  language?: string;

  @ApiPropertyOptional({ example: 'World desk' })
  @IsOptional()
  @IsString()
  @MaxLength(L.sourceMaxLength)
  source?: string;

  @ApiPropertyOptional({ nullable: true, description: 'No publication before this instant' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInstant()
  embargoUntil?: string | null;
}
