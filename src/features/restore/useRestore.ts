import type { Dispatch, SetStateAction } from 'react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PendingRestore } from '../../record/backup/service.ts';
import type { CarnetStore, SecretKind } from '../../record/store.ts';
import { useSession } from '../session/session-context.ts';
import { useBackup } from '../backup/backup-context.ts';
import type { RestoreMessage } from './restore-errors.ts';
import type { Flow, FoundCopy, RestoreMode, RestoreStep } from './restore-steps.ts';
import * as steps from './restore-steps.ts';
import { readRecoveryCode } from './recovery-code-text.ts';

/** Shows a long task's bar from 0 %, and moves it only when the whole percentage changes. */
function startTask(
  controller: AbortController,
  go: (step: RestoreStep) => void,
  setStep: Dispatch<SetStateAction<RestoreStep>>,
  task: 'download' | 'verify',
  back: RestoreStep,
) {
  go({ name: 'working', task, percent: 0, back });
  let shown = 0;
  const progress = (fraction: number) => {
    const percent = Math.floor(Math.min(1, Math.max(0, fraction)) * 100);
    if (percent === shown || controller.signal.aborted) return;
    shown = percent;
    setStep((s) => (s.name === 'working' ? { ...s, percent } : s));
  };
  return { signal: controller.signal, progress };
}

/** The flow's state, and the Flow through which the steps (restore-steps.ts) change it. */
function useFlow(mode: RestoreMode, store: CarnetStore) {
  const [step, setStep] = useState<RestoreStep>({ name: 'source' });
  const [failure, setFailure] = useState<RestoreMessage | undefined>();
  const [touched, setTouched] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const held = useRef<PendingRestore | null>(null);
  /** Replace mode: a check ran, so the worker no longer holds this phone's own key. */
  const vaultTouched = useRef(false);
  const go = (next: RestoreStep) => {
    setFailure(undefined);
    setStep(next);
  };
  const flow: Flow = {
    store,
    mode,
    go,
    fail: setFailure,
    start: (task, back) => {
      abort.current?.abort();
      abort.current = new AbortController();
      if (task === 'verify' && mode === 'replace') {
        vaultTouched.current = true;
        setTouched(true);
      }
      return startTask(abort.current, go, setStep, task, back);
    },
    hold: (pending) => {
      held.current = pending;
    },
  };
  return { step, failure, touched, flow, abort, held, vaultTouched };
}

/**
 * The restore flow's state and actions, for the first screen (`new`) and for a phone that
 * holds a record (`replace`). `onExit` leaves the flow with nothing changed; `onDone` runs
 * once the restored record is the phone's and the session shows it open.
 *
 * SECURITY: checking a backup opens the vault with the backup's key, which drops this
 * phone's own key from the crypto worker (on a refusal too). So in `replace` mode, once a
 * check has started, leaving the flow locks the app (a reload): the phone's record is
 * unchanged and opens again with its own PIN.
 */
export function useRestore(
  mode: RestoreMode,
  { onExit, onDone }: { onExit: () => void; onDone: () => void },
) {
  const session = useSession();
  const { step, failure, touched, flow, abort, held, vaultTouched } = useFlow(mode, session.store);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const { lock } = session;
  const { sync } = useBackup();

  // No automatic relay copy while a restore runs: the vault may hold the backup's key.
  useEffect(() => sync.hold(), [sync]);

  // Leaving the screen stops a running task and drops a restore that was not committed.
  useEffect(
    () => () => {
      abort.current?.abort();
      const pending = held.current;
      held.current = null;
      if (pending) void pending.discard().catch(() => undefined);
      if (vaultTouched.current) void lock();
    },
    [lock, abort, held, vaultTouched],
  );

  const guarded = useCallback(async (action: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  }, []);

  /** The code as typed, in its printed form when it has the right shape. */
  const typed = () => readRecoveryCode(code) ?? code;

  return {
    step,
    failure,
    busy,
    code,
    setCode,
    /** In `replace` mode, a check has run: the phone's record is locked until reopened. */
    touched,
    chooseFile: (file: Blob) => guarded(() => steps.openFile(flow, file)),
    openRelay: () => flow.go({ name: 'relay' }),
    findCopy: () => guarded(() => steps.findRelayCopy(flow, typed())),
    download: (found: FoundCopy) => void steps.downloadRelayCopy(flow, found),
    verify: (s: Extract<RestoreStep, { name: 'summary' }>) =>
      void steps.verifyBackup(flow, s.file, s.header, typed()),
    cancel: () => abort.current?.abort(),
    replace: (pending: PendingRestore) => flow.go({ name: 'secret', pending }),
    commit: (pending: PendingRestore, secret: string, kind: SecretKind) =>
      guarded(async () => {
        if (!(await steps.commitRestore(flow, pending, secret, kind))) return;
        vaultTouched.current = false;
        await session.opened();
        onDone();
      }),
    /** One step back; from a checked restore, it is dropped first. */
    back: () =>
      guarded(async () => {
        if (step.name === 'confirm' || step.name === 'secret') {
          await steps.dropRestore(flow, step.pending);
        }
        flow.go(step.name === 'relay' && step.found ? { name: 'relay' } : { name: 'source' });
      }),
    /**
     * Out of the flow, with nothing changed. After a check on a phone with a record, the
     * app then locks (a reload, where `onExit` went): the record opens with its own PIN.
     */
    leave: () =>
      guarded(async () => {
        if (held.current) await steps.dropRestore(flow, held.current);
        const mustLock = vaultTouched.current;
        vaultTouched.current = false;
        onExit();
        if (mustLock) await lock();
      }),
  };
}

export type RestoreFlowState = ReturnType<typeof useRestore>;
