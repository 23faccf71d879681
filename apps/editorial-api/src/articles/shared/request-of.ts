/**
 * The body of a request for a domain command: the command's data without the ids the server mints,
 * and no field the domain does not have. A DTO declares
 * `class AttachPhotoRequestDto implements RequestOf<AttachPhoto, 'photoId', AttachPhotoRequestDto>`,
 * so renaming a field of the domain's data fails to compile in the DTO, even for optional fields.
 */
export type RequestOf<C extends { data: object }, Minted extends keyof C['data'], Dto> = Omit<C['data'], Minted> &
  Record<Exclude<keyof Dto, keyof C['data']>, never>;
