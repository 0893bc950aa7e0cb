import type { ImageBlock } from '../../shared/documentModel';

/** Only images kept inside the file are drawn; anything else would be a request leaving the machine. */
function isEmbeddedImage(src: string | null): src is string {
  return src !== null && src.startsWith('data:image/');
}

/**
 * An image of the document. One kept in the file (a data: URL) is drawn; one
 * that was elsewhere is never fetched: a placeholder says so, with its
 * description. Neither holds text the passages could anchor into.
 */
export function BlockImage({ image }: { image: ImageBlock }) {
  if (isEmbeddedImage(image.src)) {
    return <img className="reader-image" src={image.src} alt={image.alt} loading="lazy" />;
  }
  return (
    <div
      className="reader-image-placeholder"
      role="img"
      aria-label={image.alt ? `${image.alt} (remote image not loaded)` : 'Remote image not loaded'}
      title={image.remoteUrl}
      data-testid="remote-image"
    >
      {image.alt && (
        <span className="reader-image-alt" dir="auto">
          {image.alt}
        </span>
      )}
      <span className="reader-image-note">Remote image not loaded</span>
    </div>
  );
}
