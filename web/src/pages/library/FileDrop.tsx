import { useEffect, useState } from 'react';
import type { DragEvent, ReactNode } from 'react';
import './file-drop.css';

/**
 * A drop zone that is also a file input: drag files onto it, or tab to "Choose files" and
 * press Enter or Space (the input itself takes focus; its label is the visible button).
 */
export function FileDrop({
  id,
  prompt,
  buttonLabel,
  hint,
  multiple = false,
  accept,
  disabled = false,
  onFiles,
}: {
  id: string;
  prompt: ReactNode;
  buttonLabel: string;
  hint?: ReactNode;
  multiple?: boolean;
  accept?: string;
  disabled?: boolean;
  onFiles: (files: File[]) => void;
}) {
  const [dragging, setDragging] = useState(false);

  useKeepDroppedFilesInApp();

  const take = (list: FileList | null) => {
    const files = list ? Array.from(list) : [];
    if (files.length === 0 || disabled) return;
    onFiles(multiple ? files : files.slice(0, 1));
  };

  const over = (event: DragEvent) => {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
    setDragging(!disabled);
  };

  return (
    <div
      className={`file-drop${dragging ? ' file-drop-active' : ''}${disabled ? ' file-drop-disabled' : ''}`}
      onDragEnter={over}
      onDragOver={over}
      onDragLeave={(event) => {
        // Leaving for a child element is not leaving the zone.
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        take(event.dataTransfer.files);
      }}
    >
      <UploadIcon />
      <p className="file-drop-prompt">{prompt}</p>
      <input
        id={id}
        className="file-drop-input"
        type="file"
        multiple={multiple}
        accept={accept}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => {
          take(event.currentTarget.files);
          // The same file can be chosen again (a retry after fixing it).
          event.currentTarget.value = '';
        }}
      />
      <label htmlFor={id} className="file-drop-button">
        {buttonLabel}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="file-drop-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/** A file dropped beside the zone would make the browser leave the app to open it. */
function useKeepDroppedFilesInApp() {
  useEffect(() => {
    const stop = (event: globalThis.DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);
}

/** An arrow into a tray (decoration: the words say what to do). */
function UploadIcon() {
  return (
    <svg
      className="file-drop-icon"
      viewBox="0 0 24 24"
      width="32"
      height="32"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d="M12 15V4m0 0L7.5 8.5M12 4l4.5 4.5M4 15v4a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-4"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
