import { createContext, useContext, type ReactNode } from 'react';
import { noCaptions, type CaptionOf } from './body-text';

const PhotoCaptions = createContext<CaptionOf>(noCaptions);

/** The captions a page knows, for the body's photo blocks in any table of changes below it. */
export function PhotoCaptionsProvider({ captionOf, children }: { captionOf: CaptionOf; children: ReactNode }) {
  return <PhotoCaptions.Provider value={captionOf}>{children}</PhotoCaptions.Provider>;
}

export const usePhotoCaptions = () => useContext(PhotoCaptions);
