import { ARTICLE_LIMITS, PhotoInUse, PhotoNotFound, ValidationFailed } from '@newsroom/editorial-domain';
import {
  attachPhoto,
  detachPhoto,
  drafted,
  given,
  historyUntil,
  photoAttached,
  photoDetached,
  photoUpdated,
  revised,
  updatePhoto,
} from '@newsroom/testing';

describe('attaching a photo', () => {
  it('records the photo with every field given', () => {
    const photo = {
      photoId: 'p-7',
      url: 'http://img.example.com/a.png',
      caption: 'Crowds',
      credit: 'AP',
      altText: 'People',
      rights: 'Editorial use',
    };
    given(drafted()).when(attachPhoto(photo)).then(photoAttached(photo));
  });

  it('records no key for optional fields that were not given', () => {
    given(drafted())
      .when(attachPhoto({ photoId: 'p-7', altText: undefined }))
      .then({
        type: 'PhotoAttached',
        data: {
          photo: {
            photoId: 'p-7',
            url: 'https://images.example.com/ferry.jpg',
            caption: 'The harbour at dawn',
            credit: 'Pat Photographer',
          },
        },
      });
  });

  it('is refused with the path of every invalid field', () => {
    given(drafted())
      .when(
        attachPhoto({
          url: 'ftp://img.example.com/a.png',
          caption: '',
          credit: 'c'.repeat(301),
          altText: 'a'.repeat(1001),
        }),
      )
      .thenThrows(ValidationFailed, {
        details: [
          { path: 'url', message: 'must be an http(s) URL' },
          { path: 'caption', message: 'must not be empty' },
          { path: 'credit', message: 'must be at most 300 characters' },
          { path: 'altText', message: 'must be at most 1000 characters' },
        ],
      });
  });

  it('is refused when a photo with the same id is already attached', () => {
    given(drafted(), photoAttached())
      .when(attachPhoto({ photoId: 'photo-1' }))
      .thenThrows(ValidationFailed, { details: [{ path: 'photoId', message: 'photo photo-1 is already attached' }] });
  });

  it('is refused once the article has the maximum number of photos', () => {
    const full = Array.from({ length: ARTICLE_LIMITS.photosMaxCount }, (_, i) => photoAttached({ photoId: `p-${i}` }));
    given(drafted(), ...full)
      .when(attachPhoto({ photoId: 'p-new' }))
      .thenThrows(ValidationFailed, { details: [{ path: 'photos', message: expect.stringContaining('100') }] });
  });
});

describe('updating a photo', () => {
  const history = [drafted(), photoAttached()];

  it('records only the fields whose value changed', () => {
    given(...history)
      .when(updatePhoto('photo-1', { caption: 'Ferries at dawn', credit: 'Pat Photographer', rights: 'Staff' }))
      .then(photoUpdated('photo-1', { caption: 'Ferries at dawn', rights: 'Staff' }));
  });

  it('emits nothing when nothing changes', () => {
    given(...history)
      .when(updatePhoto('photo-1', { caption: 'The harbour at dawn' }))
      .then();
    given(...history)
      .when(updatePhoto('photo-1', {}))
      .then();
  });

  it('changes the photo on the working copy', () => {
    given(...history)
      .when(updatePhoto('photo-1', { altText: 'Boats in a harbour' }))
      .thenState((state) =>
        expect(state.status !== 'none' && state.working.photos[0]?.altText).toBe('Boats in a harbour'),
      );
  });

  it('is refused when the photo is not attached', () => {
    given(...history)
      .when(updatePhoto('photo-404', { caption: 'x' }))
      .thenThrows(PhotoNotFound, { code: 'PHOTO_NOT_FOUND', photoId: 'photo-404' });
  });

  it('is refused with the path of an invalid change', () => {
    given(...history)
      .when(updatePhoto('photo-1', { url: 'not a url', caption: ' ' }))
      .thenThrows(ValidationFailed, {
        details: [
          { path: 'url', message: 'must be an http(s) URL' },
          { path: 'caption', message: 'must not be empty' },
        ],
      });
  });
});

describe('detaching a photo', () => {
  it('records the photo as detached', () => {
    given(drafted(), photoAttached()).when(detachPhoto('photo-1')).then(photoDetached('photo-1'));
  });

  it('is refused when the photo is not attached', () => {
    given(drafted(), photoAttached(), photoDetached())
      .when(detachPhoto('photo-1'))
      .thenThrows(PhotoNotFound, { photoId: 'photo-1' });
  });

  it('is refused while the body shows the photo, naming the blocks that do', () => {
    const body = [
      { type: 'photo' as const, photoId: 'photo-1' },
      { type: 'paragraph' as const, text: 'Text' },
      { type: 'photo' as const, photoId: 'photo-1' },
    ];
    given(drafted(), photoAttached(), revised({ body }))
      .when(detachPhoto('photo-1'))
      .thenThrows(PhotoInUse, {
        code: 'PHOTO_IN_USE',
        photoId: 'photo-1',
        blockIndexes: [0, 2],
        message: 'Photo photo-1 is used in the body at body[0], body[2]; remove those blocks before detaching it',
      });
  });

  it('is allowed once the blocks showing it are gone', () => {
    given(drafted(), photoAttached(), revised({ body: [{ type: 'photo', photoId: 'photo-1' }] }), revised({ body: [] }))
      .when(detachPhoto('photo-1'))
      .then(photoDetached('photo-1'));
  });

  it('detaches from the working copy of a published article and leaves the live copy alone', () => {
    given(...historyUntil('published', [drafted(), photoAttached()]))
      .when(detachPhoto('photo-1'))
      .thenState((state) => {
        if (state.status === 'none') throw new Error('article vanished');
        expect(state.working.photos).toEqual([]);
        expect(state.live?.content.photos.map((p) => p.photoId)).toEqual(['photo-1']);
      });
  });
});
