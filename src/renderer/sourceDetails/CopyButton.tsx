import { useToast } from '../ui/toastContext';

/** Copies `text` to the clipboard and says so; where the clipboard is refused, the text stays selectable. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const toast = useToast();
  return (
    <button
      type="button"
      className="button button-small"
      aria-label={label}
      title={label}
      onClick={() =>
        navigator.clipboard.writeText(text).then(
          () => toast({ kind: 'success', message: 'Copied' }),
          () =>
            toast({
              kind: 'error',
              message: 'The clipboard is not available; select the text and copy it.',
            }),
        )
      }
    >
      Copy
    </button>
  );
}
