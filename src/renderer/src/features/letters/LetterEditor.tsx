import {
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  REMOVE_LIST_COMMAND,
  $isListNode,
} from '@lexical/list';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { $createHeadingNode, $isHeadingNode } from '@lexical/rich-text';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  KEY_DOWN_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type EditorState,
  type LexicalEditor,
} from 'lexical';
import { Bold, Heading, Italic, List, ListOrdered, Redo2, Undo2 } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { LetterDocument } from '@shared/domain/letter-document';
import { $readLetterDocument, $writeLetterDocument, letterEditorNodes } from './letter-lexical';
import styles from './LetterEditor.module.css';

type BlockKind = 'paragraph' | 'heading' | 'bullet' | 'number';

type ToolbarState = {
  readonly isBold: boolean;
  readonly isItalic: boolean;
  readonly block: BlockKind;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
};

/** Turns the selected blocks into headings, or back into paragraphs (a letter has one heading level). */
function toggleHeading(editor: LexicalEditor): void {
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    const blocks = new Set(selection.getNodes().map((node) => node.getTopLevelElementOrThrow()));
    const isAllHeadings = [...blocks].every($isHeadingNode);
    for (const block of blocks) {
      if ($isListNode(block)) continue;
      block.replace(isAllHeadings ? $createParagraphNode() : $createHeadingNode('h2'), true);
    }
  });
}

function toggleList(editor: LexicalEditor, kind: 'bullet' | 'number', current: BlockKind): void {
  if (current === kind) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
  else
    editor.dispatchCommand(
      kind === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND,
      undefined,
    );
}

function Toolbar() {
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState<ToolbarState>({
    isBold: false,
    isItalic: false,
    block: 'paragraph',
    canUndo: false,
    canRedo: false,
  });

  useEffect(() => {
    const unregisterUpdate = editor.registerUpdateListener(({ editorState }) => {
      editorState.read(() => {
        const selection = $getSelection();
        if (!$isRangeSelection(selection)) return;
        const block = selection.anchor.getNode().getTopLevelElement();
        const kind: BlockKind = $isHeadingNode(block)
          ? 'heading'
          : $isListNode(block)
            ? block.getListType() === 'number'
              ? 'number'
              : 'bullet'
            : 'paragraph';
        setState((previous) => ({
          ...previous,
          isBold: selection.hasFormat('bold'),
          isItalic: selection.hasFormat('italic'),
          block: kind,
        }));
      });
    });
    const unregisterUndo = editor.registerCommand(
      CAN_UNDO_COMMAND,
      (canUndo) => {
        setState((previous) => ({ ...previous, canUndo }));
        return false;
      },
      COMMAND_PRIORITY_LOW,
    );
    const unregisterRedo = editor.registerCommand(
      CAN_REDO_COMMAND,
      (canRedo) => {
        setState((previous) => ({ ...previous, canRedo }));
        return false;
      },
      COMMAND_PRIORITY_LOW,
    );
    // Ctrl+B, Ctrl+I, Ctrl+Z and Ctrl+Y come with the rich-text and history plugins; these add
    // the heading and list shortcuts word processors use (Ctrl+Alt+1, Ctrl+Shift+8, Ctrl+Shift+7).
    const unregisterKeys = editor.registerCommand(
      KEY_DOWN_COMMAND,
      (event) => {
        const isModified = event.ctrlKey || event.metaKey;
        if (!isModified) return false;
        if (event.altKey && event.code === 'Digit1') toggleHeading(editor);
        else if (event.shiftKey && event.code === 'Digit8') toggleList(editor, 'bullet', state.block);
        else if (event.shiftKey && event.code === 'Digit7') toggleList(editor, 'number', state.block);
        else return false;
        event.preventDefault();
        return true;
      },
      COMMAND_PRIORITY_LOW,
    );
    return () => {
      unregisterUpdate();
      unregisterUndo();
      unregisterRedo();
      unregisterKeys();
    };
  }, [editor, state.block]);

  // Buttons keep the editor's selection: a mousedown on them must not move focus away first.
  const keepSelection = (event: React.MouseEvent) => event.preventDefault();

  return (
    <div className={styles.toolbar} role="toolbar" aria-label="Formatting">
      <button
        type="button"
        className={styles.tool}
        aria-pressed={state.block === 'heading'}
        aria-keyshortcuts="Control+Alt+1"
        title="Heading (Ctrl+Alt+1)"
        onMouseDown={keepSelection}
        onClick={() => toggleHeading(editor)}
      >
        <Heading aria-hidden size={16} /> Heading
      </button>
      <button
        type="button"
        className={styles.tool}
        aria-pressed={state.isBold}
        aria-keyshortcuts="Control+B"
        title="Bold (Ctrl+B)"
        onMouseDown={keepSelection}
        onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold')}
      >
        <Bold aria-hidden size={16} /> Bold
      </button>
      <button
        type="button"
        className={styles.tool}
        aria-pressed={state.isItalic}
        aria-keyshortcuts="Control+I"
        title="Italic (Ctrl+I)"
        onMouseDown={keepSelection}
        onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic')}
      >
        <Italic aria-hidden size={16} /> Italic
      </button>
      <span className={styles.separator} aria-hidden />
      <button
        type="button"
        className={styles.tool}
        aria-pressed={state.block === 'bullet'}
        aria-keyshortcuts="Control+Shift+8"
        title="Bulleted list (Ctrl+Shift+8)"
        onMouseDown={keepSelection}
        onClick={() => toggleList(editor, 'bullet', state.block)}
      >
        <List aria-hidden size={16} /> Bulleted list
      </button>
      <button
        type="button"
        className={styles.tool}
        aria-pressed={state.block === 'number'}
        aria-keyshortcuts="Control+Shift+7"
        title="Numbered list (Ctrl+Shift+7)"
        onMouseDown={keepSelection}
        onClick={() => toggleList(editor, 'number', state.block)}
      >
        <ListOrdered aria-hidden size={16} /> Numbered list
      </button>
      <span className={styles.separator} aria-hidden />
      <button
        type="button"
        className={styles.tool}
        disabled={!state.canUndo}
        aria-keyshortcuts="Control+Z"
        title="Undo (Ctrl+Z)"
        onMouseDown={keepSelection}
        onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}
      >
        <Undo2 aria-hidden size={16} /> Undo
      </button>
      <button
        type="button"
        className={styles.tool}
        disabled={!state.canRedo}
        aria-keyshortcuts="Control+Y"
        title="Redo (Ctrl+Y)"
        onMouseDown={keepSelection}
        onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}
      >
        <Redo2 aria-hidden size={16} /> Redo
      </button>
    </div>
  );
}

type Props = {
  readonly initialDocument: LetterDocument;
  /** Called with the letter after every change to its text (not to the selection). */
  readonly onChange: (document: LetterDocument) => void;
  /** Shown as a page to read, without the toolbar (a team's viewer). */
  readonly isReadOnly: boolean;
};

/** The letter's text, edited as a page: headings, paragraphs, lists, bold and italic; nothing else. */
export function LetterEditor({ initialDocument, onChange, isReadOnly }: Props) {
  const initialConfig = {
    editable: !isReadOnly,
    namespace: 'advocase-letter',
    nodes: [...letterEditorNodes],
    editorState: () => $writeLetterDocument(initialDocument),
    theme: {
      heading: { h2: styles.heading },
      paragraph: styles.paragraph,
      list: { ul: styles.bulleted, ol: styles.numbered, listitem: styles.listItem },
      text: { bold: styles.bold, italic: styles.italic },
    },
    onError: (error: Error) => {
      throw error;
    },
  };
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <div className={styles.editor}>
        {!isReadOnly && <Toolbar />}
        <div className={styles.sheet}>
          <RichTextPlugin
            contentEditable={<ContentEditable className={styles.content} aria-label="Letter text" />}
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
      </div>
      <HistoryPlugin />
      <ListPlugin />
      <OnChangePlugin
        ignoreSelectionChange
        onChange={(editorState: EditorState) => onChange(editorState.read($readLetterDocument))}
      />
    </LexicalComposer>
  );
}
